package io.skilldesigner.core.skill;

import java.util.Objects;

/** A connection from an output port of one node to an input port of another. */
public record SkillEdge(PortRef from, PortRef to) {
    public SkillEdge {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    public static SkillEdge of(String fromNode, String fromPort, String toNode, String toPort) {
        return new SkillEdge(new PortRef(fromNode, fromPort), new PortRef(toNode, toPort));
    }

    public boolean touches(String nodeId) {
        return from.node().equals(nodeId) || to.node().equals(nodeId);
    }
}
