package io.skilldesigner.core.validation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.skilldesigner.core.skill.SkillEdge;

/** Reachability and cycles over the edges whose both ends exist, in a deterministic (skill) order. */
final class SkillGraph {
    private final List<String> nodeIds;
    private final Map<String, List<String>> next = new LinkedHashMap<>();
    private final Map<String, List<String>> previous = new LinkedHashMap<>();

    SkillGraph(List<String> nodeIds, List<SkillEdge> edges) {
        this.nodeIds = List.copyOf(nodeIds);
        nodeIds.forEach(id -> {
            next.put(id, new ArrayList<>());
            previous.put(id, new ArrayList<>());
        });
        for (SkillEdge e : edges) {
            next.get(e.from().node()).add(e.to().node());
            previous.get(e.to().node()).add(e.from().node());
        }
    }

    /** Every node reachable from the given starts, the starts included. */
    Set<String> downstreamOf(Set<String> starts) {
        return walk(starts, next);
    }

    /** Every node from which the given node can be reached, the node itself excluded. */
    Set<String> upstreamOf(String nodeId) {
        Set<String> out = walk(Set.of(nodeId), previous);
        out.remove(nodeId);
        // A node in a cycle is upstream of itself; that is not a detector feeding it.
        return out;
    }

    private static Set<String> walk(Set<String> starts, Map<String, List<String>> links) {
        Set<String> seen = new LinkedHashSet<>(starts);
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            for (String n : links.getOrDefault(todo.poll(), List.of())) {
                if (seen.add(n)) {
                    todo.add(n);
                }
            }
        }
        return seen;
    }

    /** Each cycle found by depth-first search as its node ids in edge order, first node repeated at the end. */
    List<List<String>> cycles() {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the path, 2: done
        List<List<String>> out = new ArrayList<>();
        for (String start : nodeIds) {
            if (!state.containsKey(start)) {
                visit(start, state, new ArrayList<>(), out);
            }
        }
        return out;
    }

    private void visit(String node, Map<String, Integer> state, List<String> path, List<List<String>> out) {
        state.put(node, 1);
        path.add(node);
        for (String n : new LinkedHashSet<>(next.get(node))) {
            Integer s = state.get(n);
            if (s == null) {
                visit(n, state, path, out);
            } else if (s == 1) {
                List<String> cycle = new ArrayList<>(path.subList(path.indexOf(n), path.size()));
                cycle.add(n);
                out.add(cycle);
            }
        }
        path.remove(path.size() - 1);
        state.put(node, 2);
    }
}
