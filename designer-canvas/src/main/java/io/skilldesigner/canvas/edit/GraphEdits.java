package io.skilldesigner.canvas.edit;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/** Pure graph edits on immutable skills; the editor wraps each in an undoable command. */
public final class GraphEdits {
    private GraphEdits() {
    }

    /** A skill after an edit and the ids of the nodes the edit created (to select them). */
    public record Result(Skill skill, List<String> createdIds) {
    }

    public static Set<String> nodeIds(Skill skill) {
        Set<String> ids = new HashSet<>();
        skill.nodes().forEach(n -> ids.add(n.id()));
        return ids;
    }

    public static Result addNode(Skill skill, NodeType type, Position at) {
        String id = NodeIds.next(type.id(), nodeIds(skill));
        SkillNode node = type.newNode(id).withPosition(at);
        return new Result(skill.withNode(node), List.of(id));
    }

    /** Removes the nodes (with every edge touching them) and the edges. */
    public static Skill delete(Skill skill, Collection<String> nodes, Collection<SkillEdge> edges) {
        Set<String> gone = new HashSet<>(nodes);
        Set<SkillEdge> goneEdges = new HashSet<>(edges);
        return skill.withNodes(skill.nodes().stream().filter(n -> !gone.contains(n.id())).toList())
                .withEdges(skill.edges().stream()
                        .filter(e -> !goneEdges.contains(e) && !gone.contains(e.from().node())
                                && !gone.contains(e.to().node()))
                        .toList());
    }

    public static Fragment copy(Skill skill, Collection<String> nodeIds) {
        Set<String> ids = new LinkedHashSet<>(nodeIds);
        List<SkillNode> nodes = skill.nodes().stream().filter(n -> ids.contains(n.id())).toList();
        List<SkillEdge> edges = skill.edges().stream()
                .filter(e -> ids.contains(e.from().node()) && ids.contains(e.to().node())).toList();
        return new Fragment(nodes, edges);
    }

    /** Adds a fragment's nodes with fresh ids, moved by (dx, dy), keeping the edges among them. */
    public static Result paste(Skill skill, Fragment fragment, double dx, double dy) {
        Set<String> taken = nodeIds(skill);
        Map<String, String> renamed = new HashMap<>();
        List<SkillNode> added = new ArrayList<>();
        for (SkillNode n : fragment.nodes()) {
            String id = NodeIds.next(n.typeId(), taken);
            taken.add(id);
            renamed.put(n.id(), id);
            Position p = n.position();
            added.add(n.withId(id).withPosition(new Position(p.x() + dx, p.y() + dy)));
        }
        List<SkillNode> nodes = new ArrayList<>(skill.nodes());
        nodes.addAll(added);
        List<SkillEdge> edges = new ArrayList<>(skill.edges());
        for (SkillEdge e : fragment.edges()) {
            edges.add(new SkillEdge(new PortRef(renamed.get(e.from().node()), e.from().port()),
                    new PortRef(renamed.get(e.to().node()), e.to().port())));
        }
        return new Result(skill.withNodes(nodes).withEdges(edges), added.stream().map(SkillNode::id).toList());
    }

    public static Skill move(Skill skill, Map<String, Position> positions) {
        return skill.withNodes(skill.nodes().stream()
                .map(n -> positions.containsKey(n.id()) ? n.withPosition(positions.get(n.id())) : n).toList());
    }

    public static Skill rename(Skill skill, String nodeId, String name) {
        return skill.updateNode(nodeId, n -> n.withDisplayName(name));
    }

    public static Skill setSetting(Skill skill, String nodeId, String key, Object value) {
        return skill.updateNode(nodeId, n -> n.withSetting(key, value));
    }

    /** Sets one setting and the settings that follow from it in the node's type (one undoable step). */
    public static Skill setSetting(Skill skill, NodeCatalog catalog, ModelLibrary models, String nodeId, String key,
                                   Object value) {
        Skill out = setSetting(skill, nodeId, key, value);
        Optional<NodeType> type = skill.node(nodeId).flatMap(n -> catalog.find(n.typeId()));
        if (type.isEmpty()) {
            return out;
        }
        for (Map.Entry<String, Object> f : type.get().settingsFollowing(key, value, models).entrySet()) {
            out = setSetting(out, nodeId, f.getKey(), f.getValue());
        }
        return out;
    }
}
