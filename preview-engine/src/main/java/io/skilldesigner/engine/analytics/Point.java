package io.skilldesigner.engine.analytics;

/** A point in normalised frame coordinates (0..1, y down). */
public record Point(double x, double y) {
}
