package io.skilldesigner.engine.model;

/** One class of a classification result. */
public record ClassScore(int index, String label, float score) {
}
