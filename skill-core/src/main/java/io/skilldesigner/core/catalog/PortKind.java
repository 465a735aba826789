package io.skilldesigner.core.catalog;

/** What flows along an edge. Wave one has only frames (KAN's route {@code f} of type {@code frame}). */
public enum PortKind {
    FRAME;

    public boolean accepts(PortKind other) {
        return this == other;
    }
}
