package io.skilldesigner.core.catalog.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

class AnalyticsNodesTest {
    private final NodeCatalog catalog = NodeCatalog.standard();

    @Test
    void analyticsNodesAreRegisteredAsProcessNodesWithoutKanEquivalent() {
        for (String id : List.of(TrackerNode.ID, ZoneNode.ID, LineCrossingNode.ID, CounterNode.ID)) {
            NodeType t = catalog.get(id);
            assertEquals(NodeCategory.PROCESS, t.category(), id);
            assertTrue(t.kan().isEmpty(), id + " has no KAN equivalent");
            assertEquals(1, t.inputs().size(), id);
            assertEquals(1, t.outputs().size(), id);
            assertFalse(t.description().isBlank(), id);
            for (SettingSpec s : t.settings()) {
                assertFalse(s.help().isBlank(), id + "." + s.key() + " has help");
                assertTrue(s.defaultIfAny().isPresent(), id + "." + s.key() + " has a default");
                if (!s.choices().isEmpty()) {
                    assertTrue(s.choices().contains(String.valueOf(s.defaultValue())), id + "." + s.key());
                }
            }
        }
    }

    @Test
    void zonePolygonIsAPointListOfAtLeastThreeCornersCoercedFromJson() {
        SettingSpec polygon = new ZoneNode().setting(ZoneNode.POLYGON).orElseThrow();
        assertEquals(SettingType.POINT_LIST, polygon.type());
        assertEquals(3.0, polygon.min());
        assertEquals(List.of(List.of(0.1, 0.2), List.of(0.9, 0.2), List.of(0.5, 0.8)),
                polygon.type().coerce("[[0.1,0.2],[0.9,0.2],[0.5,0.8]]"));
    }

    @Test
    void zoneRejectsPointsOutsideTheFrame() {
        ZoneNode zone = new ZoneNode();
        SkillNode node = zone.newNode("z1");
        Map<String, Object> settings = new java.util.HashMap<>(zone.defaultSettings());
        assertTrue(zone.checkSettings(node, settings).isEmpty());
        settings.put(ZoneNode.POLYGON, List.of(List.of(0.1, 0.1), List.of(1.5, 0.1), List.of(0.5, 0.9)));
        List<Problem> problems = zone.checkSettings(node, settings);
        assertEquals(1, problems.size());
        assertEquals("z1", problems.get(0).nodeId());
        assertEquals(ZoneNode.POLYGON, problems.get(0).setting());
        assertTrue(problems.get(0).message().contains("Point 2"), problems.get(0).message());
    }

    @Test
    void lineNeedsTwoDistinctPoints() {
        LineCrossingNode line = new LineCrossingNode();
        SettingSpec spec = line.setting(LineCrossingNode.LINE).orElseThrow();
        assertEquals(2.0, spec.min());
        assertEquals(2.0, spec.max());
        SkillNode node = line.newNode("l1");
        Map<String, Object> settings = new java.util.HashMap<>(line.defaultSettings());
        assertTrue(line.checkSettings(node, settings).isEmpty());
        settings.put(LineCrossingNode.LINE, List.of(List.of(0.3, 0.3), List.of(0.3, 0.3)));
        assertEquals(1, line.checkSettings(node, settings).size());
    }

    @Test
    void trackerAndCounterDefaultsAreTyped() {
        Map<String, Object> tracker = new TrackerNode().defaultSettings();
        assertEquals(0.3, tracker.get(TrackerNode.IOU_THRESHOLD));
        assertEquals(15L, tracker.get(TrackerNode.MAX_AGE));
        assertEquals(3L, tracker.get(TrackerNode.MIN_HITS));
        Map<String, Object> counter = new CounterNode().defaultSettings();
        assertEquals(60L, counter.get(CounterNode.WINDOW_SECONDS));
        assertEquals(0L, counter.get(CounterNode.THRESHOLD));
        assertEquals(CounterNode.ON_FRAME, counter.get(CounterNode.THRESHOLD_ON));
    }

    @Test
    void theInArrowPointsToTheChosenSideOfAToB() {
        // A line drawn left to right: right of A→B on screen is down (y grows downwards), left is up.
        DirectedLine.Arrow right = DirectedLine.Arrow.of(100, 200, 300, 200, 1, 20);
        assertEquals(new DirectedLine.Arrow(200, 200, 200, 220), right);
        DirectedLine.Arrow left = DirectedLine.Arrow.of(100, 200, 300, 200, -1, 20);
        assertEquals(new DirectedLine.Arrow(200, 200, 200, 180), left);
        // drawn top to bottom, the right of A→B is the screen's left
        assertEquals(new DirectedLine.Arrow(50, 50, 40, 50), DirectedLine.Arrow.of(50, 0, 50, 100, 1, 10));
        LineCrossingNode line = new LineCrossingNode();
        assertEquals(LineCrossingNode.LINE, line.lineKey());
        assertEquals(-1, line.inSide(line.defaultSettings()), "new lines follow supervision: in is up for a line drawn left to right");
        assertEquals(1, line.inSide(Map.of(LineCrossingNode.IN_SIDE, LineCrossingNode.IN_SIDE_RIGHT)));
        assertTrue((Long) line.defaultSettings().get(LineCrossingNode.MIN_FRAMES) > 1, "anti-jitter on by default");
    }

    @Test
    void frameShapesCarryTheLinesInSideAndZonesNone() {
        io.skilldesigner.core.skill.Skill skill = io.skilldesigner.core.skill.Skill.empty("s", "S")
                .withNode(new ZoneNode().newNode("zone"))
                .withNode(new LineCrossingNode().newNode("up"))
                .withNode(new SkillNode("down", LineCrossingNode.ID, "Door", Map.of(LineCrossingNode.IN_SIDE,
                        LineCrossingNode.IN_SIDE_RIGHT, LineCrossingNode.LINE, List.of(List.of(0.0, 0.2),
                                List.of(1.0, 0.2))), null));
        List<io.skilldesigner.core.catalog.FrameShape> shapes = io.skilldesigner.core.catalog.FrameShape.of(skill, catalog);
        assertEquals(List.of(4, 2, 2), shapes.stream().map(s -> s.points().size()).toList());
        assertEquals(List.of(0, -1, 1), shapes.stream().map(io.skilldesigner.core.catalog.FrameShape::inSide).toList());
        assertEquals(List.of("Zone", "Line crossing", "Door"), shapes.stream().map(io.skilldesigner.core.catalog.FrameShape::name)
                .toList());
        assertEquals(List.of(List.of(0.0, 0.2), List.of(1.0, 0.2)), shapes.get(2).points());
    }
}
