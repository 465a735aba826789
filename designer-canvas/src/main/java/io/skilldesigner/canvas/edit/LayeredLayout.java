package io.skilldesigner.canvas.edit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Top-to-bottom layered layout (a small Sugiyama): longest-path layers from the sources, then a few barycenter
 * sweeps to reduce crossings, then even spacing centred on the widest layer.
 */
public final class LayeredLayout {
    private final double columnWidth;
    private final double rowHeight;

    public LayeredLayout(double columnWidth, double rowHeight) {
        this.columnWidth = columnWidth;
        this.rowHeight = rowHeight;
    }

    public Map<String, Position> layout(Skill skill) {
        Map<String, List<String>> out = new HashMap<>();
        Map<String, List<String>> in = new HashMap<>();
        Set<String> ids = new HashSet<>();
        skill.nodes().forEach(n -> ids.add(n.id()));
        for (SkillEdge e : skill.edges()) {
            if (ids.contains(e.from().node()) && ids.contains(e.to().node()) && !e.from().node().equals(e.to().node())) {
                out.computeIfAbsent(e.from().node(), k -> new ArrayList<>()).add(e.to().node());
                in.computeIfAbsent(e.to().node(), k -> new ArrayList<>()).add(e.from().node());
            }
        }
        Map<String, Integer> layer = layers(skill, in);
        int depth = layer.values().stream().mapToInt(i -> i).max().orElse(-1) + 1;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < depth; i++) {
            rows.add(new ArrayList<>());
        }
        // start from the existing left-to-right order so a re-layout keeps the user's arrangement where it can
        skill.nodes().stream().sorted(Comparator.comparingDouble((SkillNode n) -> n.position().x()))
                .forEach(n -> rows.get(layer.get(n.id())).add(n.id()));
        for (int sweep = 0; sweep < 4; sweep++) {
            for (int i = 1; i < depth; i++) {
                order(rows.get(i), rows.get(i - 1), in);
            }
            for (int i = depth - 2; i >= 0; i--) {
                order(rows.get(i), rows.get(i + 1), out);
            }
        }
        int widest = rows.stream().mapToInt(List::size).max().orElse(0);
        Map<String, Position> pos = new LinkedHashMap<>();
        for (int i = 0; i < depth; i++) {
            List<String> row = rows.get(i);
            double offset = (widest - row.size()) * columnWidth / 2;
            for (int j = 0; j < row.size(); j++) {
                pos.put(row.get(j), new Position(offset + j * columnWidth, i * rowHeight));
            }
        }
        return pos;
    }

    /** Longest path from any source; nodes on cycles are cut where a DFS finds a back edge. */
    private static Map<String, Integer> layers(Skill skill, Map<String, List<String>> in) {
        Map<String, Integer> layer = new HashMap<>();
        Set<String> visiting = new HashSet<>();
        for (SkillNode n : skill.nodes()) {
            depthOf(n.id(), in, layer, visiting);
        }
        return layer;
    }

    private static int depthOf(String id, Map<String, List<String>> in, Map<String, Integer> layer, Set<String> visiting) {
        Integer known = layer.get(id);
        if (known != null) {
            return known;
        }
        // iterative would avoid deep recursion; skills are shallow (tens of layers), so recursion is fine
        visiting.add(id);
        int d = 0;
        for (String p : in.getOrDefault(id, List.of())) {
            if (!visiting.contains(p)) {
                d = Math.max(d, depthOf(p, in, layer, visiting) + 1);
            }
        }
        visiting.remove(id);
        layer.put(id, d);
        return d;
    }

    private static void order(List<String> row, List<String> fixed, Map<String, List<String>> neighbours) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < fixed.size(); i++) {
            index.put(fixed.get(i), i);
        }
        Map<String, Double> centre = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String id = row.get(i);
            double sum = 0;
            int count = 0;
            for (String nb : neighbours.getOrDefault(id, List.of())) {
                Integer at = index.get(nb);
                if (at != null) {
                    sum += at;
                    count++;
                }
            }
            centre.put(id, count == 0 ? i : sum / count);
        }
        row.sort(Comparator.comparingDouble(centre::get));
    }
}
