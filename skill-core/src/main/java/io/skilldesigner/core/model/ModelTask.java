package io.skilldesigner.core.model;

public enum ModelTask { DETECTION, CLASSIFICATION }
