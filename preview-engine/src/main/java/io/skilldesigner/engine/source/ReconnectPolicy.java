package io.skilldesigner.engine.source;

import java.time.Duration;

/**
 * How a live stream reconnects: exponential backoff from {@code initialDelay}, doubling up to {@code maxDelay}.
 *
 * @param maxAttempts consecutive failed attempts before the source gives up (FAILED); 0 = never give up
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, int maxAttempts) {
    public static ReconnectPolicy defaults() {
        return new ReconnectPolicy(Duration.ofMillis(500), Duration.ofSeconds(10), 0);
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
}
