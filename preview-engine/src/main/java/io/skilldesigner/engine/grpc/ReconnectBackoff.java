package io.skilldesigner.engine.grpc;

import java.time.Duration;

/** Exponential backoff between connection attempts: initial, doubled after each failure, capped. */
final class ReconnectBackoff {
    private final long initialNanos;
    private final long maxNanos;
    private long currentNanos;
    private long nextAttemptNanos;

    ReconnectBackoff(Duration initial, Duration max) {
        this.initialNanos = initial.toNanos();
        this.maxNanos = Math.max(initialNanos, max.toNanos());
    }

    /** True when no failure is pending or its wait is over. */
    boolean mayAttempt(long nowNanos) {
        return currentNanos == 0 || nowNanos - nextAttemptNanos >= 0;
    }

    /** Records a failure; returns how long until the next attempt. */
    Duration failed(long nowNanos) {
        currentNanos = currentNanos == 0 ? initialNanos : Math.min(maxNanos, currentNanos * 2);
        nextAttemptNanos = nowNanos + currentNanos;
        return Duration.ofNanos(currentNanos);
    }

    void succeeded() {
        currentNanos = 0;
    }
}
