package io.skilldesigner.core.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

class KanLayoutTest {
    private static SkillNode n(String id) {
        return new SkillNode(id, "t", id, Map.of(), null);
    }

    @Test
    void rowsFollowTheLongestPathAndAreCentred() {
        // a -> b -> d, a -> d, a -> c: d sits below b (longest path), b and c share a row.
        List<SkillNode> laid = KanLayout.layOut(List.of(n("a"), n("b"), n("c"), n("d")), List.of(
                SkillEdge.of("a", "f", "b", "f"), SkillEdge.of("b", "f", "d", "f"),
                SkillEdge.of("a", "f", "d", "f"), SkillEdge.of("a", "f", "c", "f")));
        double m = KanLayout.MARGIN;
        double w = KanLayout.COLUMN_WIDTH;
        double h = KanLayout.ROW_HEIGHT;
        assertEquals(new Position(m + w / 2, m), laid.get(0).position());
        assertEquals(new Position(m, m + h), laid.get(1).position());
        assertEquals(new Position(m + w, m + h), laid.get(2).position());
        assertEquals(new Position(m + w / 2, m + 2 * h), laid.get(3).position());
    }

    @Test
    void nodesOnACycleGoBelowEverythingElseInsteadOfLoopingForever() {
        List<SkillNode> laid = KanLayout.layOut(List.of(n("src"), n("x"), n("y")), List.of(
                SkillEdge.of("src", "f", "x", "f"), SkillEdge.of("x", "f", "y", "f"), SkillEdge.of("y", "f", "x", "f")));
        assertEquals(KanLayout.MARGIN, laid.get(0).position().y());
        assertEquals(laid.get(1).position().y(), laid.get(2).position().y());
        assertEquals(KanLayout.MARGIN + KanLayout.ROW_HEIGHT, laid.get(1).position().y());
    }
}
