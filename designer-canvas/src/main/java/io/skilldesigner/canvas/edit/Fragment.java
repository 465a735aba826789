package io.skilldesigner.canvas.edit;

import java.util.List;

import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/** Copied nodes and the edges among them (the editor's clipboard content). */
public record Fragment(List<SkillNode> nodes, List<SkillEdge> edges) {
    public Fragment {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    public boolean isEmpty() {
        return nodes.isEmpty();
    }
}
