package io.skilldesigner.engine.source;

/** What a source's badge shows. Files go CONNECTING → LIVE → (end); streams may go RECONNECTING and back. */
public enum SourceState { CONNECTING, LIVE, RECONNECTING, FAILED, ENDED, CLOSED }
