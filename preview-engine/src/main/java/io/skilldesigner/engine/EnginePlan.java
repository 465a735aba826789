package io.skilldesigner.engine;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.workspace.WorkspacePaths;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.source.SourceSpec;

/**
 * The runtime graph of a skill, checked: known node types, edges between existing ports, no cycle, at least one
 * source, a runtime factory for every node reached from a source, usable settings. Nodes not reached from any
 * source are left out with a warning (a half-drawn graph still previews).
 */
record EnginePlan(Skill skill, List<PlannedNode> nodes, Map<String, List<String>> childIds,
                  Map<String, List<String>> parentIds, String outputNodeId, List<Problem> warnings) {

    /** A node that will run: sources first, then in an order where parents come before children. */
    record PlannedNode(SkillNode node, NodeType type, EffectiveSettings settings, NodeRuntimeFactory factory,
                       SourceSpec source) {
        boolean isSource() {
            return source != null;
        }
    }

    List<String> children(String id) {
        return childIds.getOrDefault(id, List.of());
    }

    List<String> parents(String id) {
        return parentIds.getOrDefault(id, List.of());
    }

    static EnginePlan of(Skill skill, NodeCatalog catalog, NodeRuntimeRegistry registry, SourceSpec override,
                         Path workspace) throws SkillBuildException {
        List<Problem> errors = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        Map<String, NodeType> types = new LinkedHashMap<>();
        for (SkillNode n : skill.nodes()) {
            Optional<NodeType> t = catalog.find(n.typeId());
            if (t.isEmpty()) {
                errors.add(Problem.error(n.id(), "", "unknown node type '" + n.typeId() + "'"));
            } else if (types.putIfAbsent(n.id(), t.get()) != null) {
                errors.add(Problem.error(n.id(), "", "two nodes have the id '" + n.id() + "'"));
            }
        }
        Map<String, List<String>> children = new HashMap<>();
        Map<String, List<String>> parents = new HashMap<>();
        for (SkillEdge e : skill.edges()) {
            NodeType from = types.get(e.from().node());
            NodeType to = types.get(e.to().node());
            if (from == null || to == null) {
                errors.add(Problem.error(from == null ? e.from().node() : e.to().node(), "",
                        "edge " + e.from() + " → " + e.to() + " refers to a node that does not exist"));
                continue;
            }
            if (from.output(e.from().port()).isEmpty()) {
                errors.add(Problem.error(e.from().node(), "", "node has no output port '" + e.from().port() + "'"));
                continue;
            }
            if (to.input(e.to().port()).isEmpty()) {
                errors.add(Problem.error(e.to().node(), "", "node has no input port '" + e.to().port() + "'"));
                continue;
            }
            children.computeIfAbsent(e.from().node(), k -> new ArrayList<>()).add(e.to().node());
            parents.computeIfAbsent(e.to().node(), k -> new ArrayList<>()).add(e.from().node());
        }
        List<String> sourceIds = types.entrySet().stream().filter(en -> en.getValue().isSource())
                .map(Map.Entry::getKey).toList();
        if (sourceIds.isEmpty() && errors.isEmpty()) {
            errors.add(Problem.error("", "", "the skill has no source node (camera input)"));
        }
        if (!errors.isEmpty()) {
            throw new SkillBuildException(errors);
        }
        List<String> order = topologicalOrder(types.keySet(), children, parents, errors);
        if (!errors.isEmpty()) {
            throw new SkillBuildException(errors);
        }
        Set<String> reached = reachable(sourceIds, children);
        for (String id : types.keySet()) {
            if (!reached.contains(id)) {
                warnings.add(Problem.warning(id, "", "node is not connected to a source and will not run"));
            }
        }
        List<PlannedNode> planned = new ArrayList<>();
        for (String id : order) {
            if (!reached.contains(id)) {
                continue;
            }
            SkillNode node = skill.node(id).orElseThrow();
            NodeType type = types.get(id);
            RunSettings.Result settings = RunSettings.resolve(catalog, skill, node, type);
            settings.problems().stream().filter(p -> !p.isError()).forEach(warnings::add);
            boolean isSource = type.isSource();
            if (isSource && override != null) {
                // The run's own source replaces the node's settings, so their problems don't matter here; it stands
                // in the camera's place, so it takes the camera's turn unless it says its own.
                try {
                    planned.add(new PlannedNode(node, type, settings.settings(), null, override.turn() != null
                            ? override : override.withTurn(SourceSpec.turnOf(settings.settings()))));
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.error(id, CameraInputNode.TURN, e.getMessage()));
                }
                continue;
            }
            settings.problems().stream().filter(Problem::isError).forEach(errors::add);
            if (settings.problems().stream().anyMatch(Problem::isError)) {
                continue;
            }
            if (isSource) {
                try {
                    SourceSpec spec = SourceSpec.fromSettings(settings.settings(),
                            p -> WorkspacePaths.resolve(workspace, p).toString());
                    if (spec.location().contains("$param(")) {
                        errors.add(Problem.error(id, "", "the camera input's " + spec.kind().name().toLowerCase()
                                + " source is left to the deployment (" + spec.location()
                                + "); choose a source for this run"));
                        continue;
                    }
                    planned.add(new PlannedNode(node, type, settings.settings(), null, spec));
                } catch (IllegalArgumentException e) {
                    errors.add(Problem.error(id, "", e.getMessage()));
                }
                continue;
            }
            Optional<NodeRuntimeFactory> factory = registry.find(type.id());
            if (factory.isEmpty()) {
                errors.add(Problem.error(id, "", "node type '" + type.id() + "' cannot run in the preview yet"));
                continue;
            }
            planned.add(new PlannedNode(node, type, settings.settings(), factory.get(), null));
        }
        if (!errors.isEmpty()) {
            throw new SkillBuildException(errors);
        }
        Map<String, List<String>> keptChildren = new HashMap<>();
        Map<String, List<String>> keptParents = new HashMap<>();
        children.forEach((k, v) -> keptChildren.put(k, v.stream().filter(reached::contains).toList()));
        parents.forEach((k, v) -> keptParents.put(k, v.stream().filter(reached::contains).toList()));
        String output = planned.stream().filter(p -> !p.isSource())
                .filter(p -> keptChildren.getOrDefault(p.node().id(), List.of()).isEmpty())
                .map(p -> p.node().id()).findFirst()
                .orElse(planned.get(0).node().id());
        List<PlannedNode> sourcesFirst = new ArrayList<>(planned.stream().filter(PlannedNode::isSource).toList());
        sourcesFirst.addAll(planned.stream().filter(p -> !p.isSource()).toList());
        return new EnginePlan(skill, List.copyOf(sourcesFirst), keptChildren, keptParents, output, warnings);
    }

    private static List<String> topologicalOrder(Set<String> ids, Map<String, List<String>> children,
                                                 Map<String, List<String>> parents, List<Problem> errors) {
        Map<String, Integer> remaining = new LinkedHashMap<>();
        ids.forEach(id -> remaining.put(id, parents.getOrDefault(id, List.of()).size()));
        Deque<String> ready = new ArrayDeque<>();
        remaining.forEach((id, n) -> {
            if (n == 0) {
                ready.add(id);
            }
        });
        List<String> order = new ArrayList<>();
        while (!ready.isEmpty()) {
            String id = ready.poll();
            order.add(id);
            for (String c : children.getOrDefault(id, List.of())) {
                if (remaining.merge(c, -1, Integer::sum) == 0) {
                    ready.add(c);
                }
            }
        }
        if (order.size() < ids.size()) {
            List<String> inCycle = ids.stream().filter(id -> !order.contains(id)).toList();
            errors.add(Problem.error(inCycle.get(0), "", "the graph has a cycle through " + String.join(", ", inCycle)));
        }
        return order;
    }

    private static Set<String> reachable(List<String> sources, Map<String, List<String>> children) {
        Set<String> seen = new LinkedHashSet<>(sources);
        Deque<String> todo = new ArrayDeque<>(sources);
        while (!todo.isEmpty()) {
            for (String c : children.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(c)) {
                    todo.add(c);
                }
            }
        }
        return seen;
    }
}
