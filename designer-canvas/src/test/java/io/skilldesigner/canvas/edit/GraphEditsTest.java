package io.skilldesigner.canvas.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.skilldesigner.canvas.TestSkills;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

class GraphEditsTest {
    private final Skill skill = TestSkills.realistic();

    @Test
    void pasteGivesFreshIdsAndKeepsInnerEdges() {
        Fragment f = GraphEdits.copy(skill, List.of("model-1", "model-2", "camera-1"));
        assertEquals(2, f.edges().size());
        GraphEdits.Result r = GraphEdits.paste(skill, f, 40, 40);
        assertEquals(3, r.createdIds().size());
        Set<String> ids = new HashSet<>();
        r.skill().nodes().forEach(n -> assertTrue(ids.add(n.id()), "duplicate id " + n.id()));
        assertEquals(skill.edges().size() + 2, r.skill().edges().size());
        SkillNode copy = r.skill().node(r.createdIds().get(0)).orElseThrow();
        SkillNode orig = skill.node("camera-1").orElseThrow();
        assertEquals(orig.settings(), copy.settings());
        assertEquals(new Position(orig.position().x() + 40, orig.position().y() + 40), copy.position());
    }

    @Test
    void deletingANodeRemovesItsEdges() {
        Skill s = GraphEdits.delete(skill, List.of("filter-1"), List.of());
        assertTrue(s.node("filter-1").isEmpty());
        assertTrue(s.edges().stream().noneMatch(e -> e.touches("filter-1")));
        assertEquals(2, s.edges().size());
    }

    @Test
    void connectionRulesExplainRefusals() {
        var cat = TestSkills.CATALOG;
        assertTrue(Connection.refusal(skill, cat, new PortRef("model-1", "f"), new PortRef("model-2", "f"))
                .orElseThrow().contains("already connected"));
        Skill two = skill.withNode(TestSkills.node("camera-2", "camera-input", "Cam 2", 0, 0, Map.of()));
        assertTrue(Connection.refusal(two, cat, new PortRef("camera-2", "f"), new PortRef("model-1", "f"))
                .orElseThrow().contains("accepts only one"));
        assertTrue(Connection.refusal(two, cat, new PortRef("model-1", "f"), new PortRef("camera-2", "f"))
                .orElseThrow().contains("has no inputs"));
        assertTrue(Connection.refusal(two, cat, new PortRef("filter-1", "f"), new PortRef("filter-1", "f"))
                .orElseThrow().contains("itself"));
        Skill cut = skill.withoutEdge(SkillEdge.of("camera-1", "f", "model-1", "f"));
        assertTrue(Connection.refusal(cut, cat, new PortRef("filter-1", "f"), new PortRef("model-1", "f"))
                .orElseThrow().contains("cycle"));
        assertFalse(Connection.refusal(cut, cat, new PortRef("camera-1", "f"), new PortRef("model-1", "f"))
                .isPresent());
    }

    @Test
    void layoutPutsEveryEdgeDownwardsWithoutOverlaps() {
        Skill scattered = skill.withNodes(skill.nodes().stream()
                .map(n -> n.withPosition(new Position(Math.random() * 900, Math.random() * 900))).toList());
        Map<String, Position> pos = new LayeredLayout(260, 152).layout(scattered);
        for (SkillEdge e : scattered.edges()) {
            assertTrue(pos.get(e.from().node()).y() < pos.get(e.to().node()).y(), e.toString());
        }
        Set<Position> distinct = new HashSet<>(pos.values());
        assertEquals(pos.size(), distinct.size());
        assertEquals(pos.get("iothub-1").y(), pos.get("mqtt-1").y());
    }

    @Test
    void historyMergesKeystrokesOfOneFieldOnly() {
        EditHistory h = new EditHistory(10);
        Skill a = skill;
        Skill b = a.withName("b");
        Skill c = b.withName("c");
        Skill d = c.withName("d");
        h.record(new EditHistory.Entry("type", a, b, "k"));
        h.record(new EditHistory.Entry("type", b, c, "k"));
        h.closeMerge();
        h.record(new EditHistory.Entry("type", c, d, "k"));
        assertEquals(d, h.undo().orElseThrow().after());
        EditHistory.Entry merged = h.undo().orElseThrow();
        assertEquals(a, merged.before());
        assertEquals(c, merged.after());
        assertFalse(h.canUndo());
        assertTrue(h.redo().isPresent());
    }

    @Test
    void choosingAModelSetsTheTaskFromTheModel() {
        Skill s = TestSkills.realistic();
        var catalog = io.skilldesigner.core.catalog.NodeCatalog.standard();
        Skill after = GraphEdits.setSetting(s, catalog, TestSkills.library(), "model-1",
                io.skilldesigner.core.catalog.nodes.ModelNode.MODEL, "colour-classifier");
        SkillNode n = after.node("model-1").orElseThrow();
        assertEquals("colour-classifier", n.setting(io.skilldesigner.core.catalog.nodes.ModelNode.MODEL));
        assertEquals(io.skilldesigner.core.catalog.nodes.ModelNode.CLASSIFICATION,
                n.setting(io.skilldesigner.core.catalog.nodes.ModelNode.TASK));
        Skill back = GraphEdits.setSetting(after, catalog, TestSkills.library(), "model-1",
                io.skilldesigner.core.catalog.nodes.ModelNode.MODEL, "vehicle-detector");
        assertEquals(io.skilldesigner.core.catalog.nodes.ModelNode.DETECTION,
                back.node("model-1").orElseThrow().setting(io.skilldesigner.core.catalog.nodes.ModelNode.TASK));
        // a model that is not in the library changes nothing else
        Skill unknown = GraphEdits.setSetting(after, catalog, TestSkills.library(), "model-1",
                io.skilldesigner.core.catalog.nodes.ModelNode.MODEL, "nope");
        assertEquals(io.skilldesigner.core.catalog.nodes.ModelNode.CLASSIFICATION,
                unknown.node("model-1").orElseThrow().setting(io.skilldesigner.core.catalog.nodes.ModelNode.TASK));
    }
}
