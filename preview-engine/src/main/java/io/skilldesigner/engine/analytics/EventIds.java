package io.skilldesigner.engine.analytics;

/** Event ids unique within a run and reproducible across runs of the same input: {@code <nodeId>-<n>}. */
final class EventIds {
    private final String prefix;
    private long next = 1;

    EventIds(String nodeId) {
        this.prefix = nodeId + "-";
    }

    String next() {
        return prefix + next++;
    }
}
