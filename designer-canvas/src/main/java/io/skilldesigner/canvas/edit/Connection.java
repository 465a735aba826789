package io.skilldesigner.canvas.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/** Whether an edge may be drawn from an output port to an input port, and if not, why (a sentence for the user). */
public final class Connection {
    private Connection() {
    }

    /** Empty when the edge is allowed, else the reason it is refused. */
    public static Optional<String> refusal(Skill skill, NodeCatalog catalog, PortRef from, PortRef to) {
        Optional<SkillNode> src = skill.node(from.node());
        Optional<SkillNode> dst = skill.node(to.node());
        if (src.isEmpty() || dst.isEmpty()) {
            return Optional.of("Node '" + (src.isEmpty() ? from.node() : to.node()) + "' does not exist");
        }
        if (from.node().equals(to.node())) {
            return Optional.of("A node cannot be connected to itself");
        }
        NodeType srcType = catalog.find(src.get().typeId()).orElse(null);
        NodeType dstType = catalog.find(dst.get().typeId()).orElse(null);
        if (srcType == null || dstType == null) {
            return Optional.of("Unknown node type '" + (srcType == null ? src.get().typeId() : dst.get().typeId()) + "'");
        }
        Optional<PortSpec> out = srcType.output(from.port());
        if (out.isEmpty()) {
            return Optional.of(name(src.get()) + " has no output port '" + from.port() + "'");
        }
        Optional<PortSpec> in = dstType.input(to.port());
        if (in.isEmpty()) {
            return Optional.of(dstType.inputs().isEmpty()
                    ? name(dst.get()) + " (" + dstType.displayName() + ") has no inputs"
                    : name(dst.get()) + " has no input port '" + to.port() + "'");
        }
        if (!in.get().kind().accepts(out.get().kind())) {
            return Optional.of("Input '" + in.get().label() + "' of " + name(dst.get()) + " accepts "
                    + in.get().kind() + ", but " + name(src.get()) + " produces " + out.get().kind());
        }
        SkillEdge edge = new SkillEdge(from, to);
        if (skill.edges().contains(edge)) {
            return Optional.of("These ports are already connected");
        }
        if (!in.get().multiple() && skill.edges().stream().anyMatch(e -> e.to().equals(to))) {
            return Optional.of("Input '" + in.get().label() + "' of " + name(dst.get())
                    + " already has a connection and accepts only one");
        }
        if (reaches(skill, to.node(), from.node())) {
            return Optional.of("Connecting " + name(src.get()) + " to " + name(dst.get()) + " would make a cycle");
        }
        return Optional.empty();
    }

    private static String name(SkillNode n) {
        return "'" + (n.displayName().isBlank() ? n.id() : n.displayName()) + "'";
    }

    /** True when {@code target} can be reached from {@code start} along edges. */
    private static boolean reaches(Skill skill, String start, String target) {
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.push(start);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            if (n.equals(target)) {
                return true;
            }
            if (seen.add(n)) {
                for (SkillEdge e : skill.edges()) {
                    if (e.from().node().equals(n)) {
                        todo.push(e.to().node());
                    }
                }
            }
        }
        return false;
    }
}
