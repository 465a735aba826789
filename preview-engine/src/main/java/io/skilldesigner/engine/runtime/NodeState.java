package io.skilldesigner.engine.runtime;

/** What a node's badge shows while a skill runs. */
public enum NodeState { STARTING, RUNNING, ERROR, STOPPED }
