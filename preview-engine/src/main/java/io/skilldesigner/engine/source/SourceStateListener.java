package io.skilldesigner.engine.source;

/** Told of every source state change, with a message that says why (redacted: no credentials). */
@FunctionalInterface
public interface SourceStateListener {
    void onState(SourceState state, String message);

    SourceStateListener NONE = (s, m) -> { };
}
