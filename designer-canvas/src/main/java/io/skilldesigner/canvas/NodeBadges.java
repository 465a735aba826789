package io.skilldesigner.canvas;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/**
 * Each node's badge: the engine's state where one was set (RUNNING, ERROR, ...), else what the skill's problems say
 * about the node (OK, not configured, invalid). The editor and the read-only graph view both show these.
 */
final class NodeBadges {
    private final NodeCatalog catalog;
    private final Map<String, StatusBadge> runtime = new HashMap<>();
    private final Map<String, StatusBadge> badges = new HashMap<>();
    private List<Problem> problems = List.of();

    NodeBadges(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    StatusBadge get(String nodeId) {
        return badges.get(nodeId);
    }

    void setRuntime(String nodeId, StatusBadge badge) {
        runtime.put(nodeId, badge);
    }

    void clearRuntime(String nodeId) {
        runtime.remove(nodeId);
    }

    void clearRuntime() {
        runtime.clear();
    }

    void setProblems(List<Problem> found) {
        problems = List.copyOf(found);
    }

    /** Works out every node's badge again; the canvas is then refreshed by the caller. */
    void update(Skill skill) {
        badges.clear();
        Map<String, List<Problem>> byNode = new HashMap<>();
        for (Problem p : problems) {
            if (!p.nodeId().isEmpty()) {
                byNode.computeIfAbsent(p.nodeId(), k -> new ArrayList<>()).add(p);
            }
        }
        for (SkillNode n : skill.nodes()) {
            StatusBadge r = runtime.get(n.id());
            badges.put(n.id(), r != null ? r : derived(n, byNode.getOrDefault(n.id(), List.of())));
        }
    }

    /** Not configured: the only errors are required settings without a value. Invalid: any other error. */
    private StatusBadge derived(SkillNode n, List<Problem> mine) {
        List<Problem> errors = mine.stream().filter(Problem::isError).toList();
        String text = String.join("\n", mine.stream().map(Problem::message).toList());
        if (errors.isEmpty()) {
            return new StatusBadge(NodeStatus.OK, text);
        }
        NodeType type = catalog.find(n.typeId()).orElse(null);
        boolean allMissing = type != null && errors.stream().allMatch(p -> {
            Optional<SettingSpec> spec = type.setting(p.setting());
            Object v = n.setting(p.setting());
            return spec.isPresent() && spec.get().required() && (v == null || String.valueOf(v).isBlank());
        });
        return new StatusBadge(allMissing ? NodeStatus.NOT_CONFIGURED : NodeStatus.INVALID, text);
    }
}
