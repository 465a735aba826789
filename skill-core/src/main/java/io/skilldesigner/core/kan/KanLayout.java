package io.skilldesigner.core.kan;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Canvas positions for a graph that comes without any (KAN skills): top to bottom by depth — a node sits one row
 * below the deepest node feeding it — and left to right in document order within a row, rows centred.
 */
public final class KanLayout {
    public static final double ROW_HEIGHT = 140;
    public static final double COLUMN_WIDTH = 240;
    public static final double MARGIN = 40;

    private KanLayout() {
    }

    public static List<SkillNode> layOut(List<SkillNode> nodes, List<SkillEdge> edges) {
        Map<String, Integer> depth = depths(nodes, edges);
        Map<Integer, List<SkillNode>> rows = new LinkedHashMap<>();
        nodes.forEach(n -> rows.computeIfAbsent(depth.get(n.id()), d -> new ArrayList<>()).add(n));
        int widest = rows.values().stream().mapToInt(List::size).max().orElse(0);
        Map<String, Position> positions = new HashMap<>();
        rows.forEach((row, members) -> {
            double offset = (widest - members.size()) * COLUMN_WIDTH / 2;
            for (int i = 0; i < members.size(); i++) {
                positions.put(members.get(i).id(),
                        new Position(MARGIN + offset + i * COLUMN_WIDTH, MARGIN + row * ROW_HEIGHT));
            }
        });
        return nodes.stream().map(n -> n.withPosition(positions.get(n.id()))).toList();
    }

    /** Longest path from a node without inputs; nodes on a cycle go one row below everything else. */
    static Map<String, Integer> depths(List<SkillNode> nodes, List<SkillEdge> edges) {
        Map<String, Integer> incoming = new HashMap<>();
        Map<String, List<String>> next = new HashMap<>();
        nodes.forEach(n -> incoming.put(n.id(), 0));
        for (SkillEdge e : edges) {
            if (incoming.containsKey(e.from().node()) && incoming.containsKey(e.to().node())) {
                incoming.merge(e.to().node(), 1, Integer::sum);
                next.computeIfAbsent(e.from().node(), k -> new ArrayList<>()).add(e.to().node());
            }
        }
        Map<String, Integer> depth = new HashMap<>();
        Deque<String> ready = new ArrayDeque<>();
        nodes.stream().filter(n -> incoming.get(n.id()) == 0).forEach(n -> {
            depth.put(n.id(), 0);
            ready.add(n.id());
        });
        while (!ready.isEmpty()) {
            String id = ready.poll();
            for (String to : next.getOrDefault(id, List.of())) {
                depth.merge(to, depth.get(id) + 1, Math::max);
                if (incoming.merge(to, -1, Integer::sum) == 0) {
                    ready.add(to);
                }
            }
        }
        int below = nodes.stream().filter(n -> incoming.get(n.id()) == 0).mapToInt(n -> depth.get(n.id())).max()
                .orElse(-1) + 1;
        nodes.forEach(n -> {
            if (incoming.get(n.id()) > 0) {
                depth.put(n.id(), below);
            }
        });
        return depth;
    }
}
