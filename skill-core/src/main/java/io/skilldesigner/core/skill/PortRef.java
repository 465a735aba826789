package io.skilldesigner.core.skill;

import java.util.Objects;

/** One end of an edge: a node and one of its ports. */
public record PortRef(String node, String port) {
    public PortRef {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(port, "port");
    }

    @Override
    public String toString() {
        return node + "." + port;
    }
}
