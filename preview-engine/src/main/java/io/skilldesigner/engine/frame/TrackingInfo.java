package io.skilldesigner.engine.frame;

/**
 * Tracker output: stable id, speed (normalised frame units per second) and unit direction.
 *
 * @param origin the box the track started with (its first, still unconfirmed detection), so nodes that see the
 *               track from its confirmation on still know where it came from; null when unknown
 */
public record TrackingInfo(String trackingId, float speed, float directionX, float directionY, BBox origin) {
    public TrackingInfo(String trackingId, float speed, float directionX, float directionY) {
        this(trackingId, speed, directionX, directionY, null);
    }
}
