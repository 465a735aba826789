package io.skilldesigner.engine.frame;

/** Tracker output: stable id, speed (normalised frame units per second) and unit direction. */
public record TrackingInfo(String trackingId, float speed, float directionX, float directionY) {
}
