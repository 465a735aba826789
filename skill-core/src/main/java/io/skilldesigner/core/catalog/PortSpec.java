package io.skilldesigner.core.catalog;

import java.util.Objects;

/**
 * An input or output port of a node type.
 *
 * @param id       port id used in edges; {@code f} matches KAN's frame route
 * @param label    what the canvas shows
 * @param multiple for inputs: whether more than one edge may enter; outputs always fan out
 */
public record PortSpec(String id, String label, PortKind kind, boolean multiple) {
    public static final String FRAME_PORT = "f";

    public PortSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }

    public static PortSpec frameIn() {
        return new PortSpec(FRAME_PORT, "frame", PortKind.FRAME, false);
    }

    public static PortSpec frameOut() {
        return new PortSpec(FRAME_PORT, "frame", PortKind.FRAME, true);
    }
}
