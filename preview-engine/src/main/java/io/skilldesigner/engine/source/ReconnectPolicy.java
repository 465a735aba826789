package io.skilldesigner.engine.source;

import java.time.Duration;

/**
 * How a live stream reconnects: the first attempt after a loss at once, then exponential backoff from
 * {@code initialDelay}, doubling up to {@code maxDelay}. The cap is low by default so that a camera that comes back
 * after a long outage is found within about a second (probing a dead camera costs one refused
 * connection or one timeout per attempt).
 *
 * @param maxAttempts consecutive failed attempts before the source gives up (FAILED); 0 = never give up
 * @param giveUpAfter how long a stream may stay unreachable before the source gives up; zero = never
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts, Duration giveUpAfter) {
    public ReconnectPolicy {
        giveUpAfter = giveUpAfter == null || giveUpAfter.isNegative() ? Duration.ZERO : giveUpAfter;
    }

    public ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {
        this(initialDelay, maxDelay, maxAttempts, Duration.ZERO);
    }

    /** Never gives up (the edge default): a camera may be down for hours and must be picked up again. */
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(1), 0, Duration.ZERO);
    }

    public ReconnectPolicy withGiveUpAfter(Duration d) {
        return new ReconnectPolicy(initialDelay, maxDelay, maxAttempts, d);
    }

    /** The wait before the attempt that follows {@code failures} failed ones (0 failures: no wait). */
    public Duration delayAfter(int failures) {
        if (failures <= 0) {
            return Duration.ZERO;
        }
        return delayBefore(failures);
    }

    /** The wait before attempt {@code attempt} (1-based). */
    public Duration delayBefore(int attempt) {
        long ms = initialDelay.toMillis();
        for (int i = 1; i < attempt && ms < maxDelay.toMillis(); i++) {
            ms *= 2;
        }
        return Duration.ofMillis(Math.min(ms, maxDelay.toMillis()));
    }

    public boolean givesUpAfter(int failedAttempts) {
        return maxAttempts > 0 && failedAttempts >= maxAttempts;
    }

    /** True when a stream unreachable for {@code down} should be given up. */
    public boolean givesUpAfter(Duration down) {
        return !giveUpAfter.isZero() && down.compareTo(giveUpAfter) >= 0;
    }
}
