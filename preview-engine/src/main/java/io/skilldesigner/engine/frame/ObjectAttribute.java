package io.skilldesigner.engine.frame;

/** A classification result attached to an object (e.g. name "colour", label "red"). */
public record ObjectAttribute(String name, String label, float confidence, String inferenceId) {
}
