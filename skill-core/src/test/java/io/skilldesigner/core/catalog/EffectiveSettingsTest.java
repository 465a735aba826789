package io.skilldesigner.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;

class EffectiveSettingsTest {
    private final TrackerNode tracker = new TrackerNode();

    @Test
    void unsetValuesTakeTheCatalogsDefaults() {
        EffectiveSettings s = EffectiveSettings.of(tracker, "t1", Map.of(TrackerNode.MAX_AGE, 40L));
        assertEquals(40, s.integer(TrackerNode.MAX_AGE), "the node's own value wins");
        assertEquals(0.3, s.decimal(TrackerNode.IOU_THRESHOLD), "catalog default");
        assertEquals(3, s.integer(TrackerNode.MIN_HITS), "catalog default");
        assertTrue(s.bool(TrackerNode.MATCH_LABELS), "catalog default");
        assertEquals(tracker.defaultSettings(), EffectiveSettings.defaults(tracker, "t1").values());
        assertEquals("t1", s.nodeId());
        assertEquals(TrackerNode.ID, s.typeId());
    }

    @Test
    void aNullValueCountsAsUnset() {
        Map<String, Object> raw = new HashMap<>();
        raw.put(TrackerNode.MIN_HITS, null);
        assertEquals(3, EffectiveSettings.of(tracker, "t1", raw).integer(TrackerNode.MIN_HITS));
    }

    @Test
    void valuesAreConvertedBySettingType() {
        EffectiveSettings s = EffectiveSettings.of(tracker, "t1", Map.of(TrackerNode.MAX_AGE, "25",
                TrackerNode.IOU_THRESHOLD, "0.5", TrackerNode.MATCH_LABELS, "no", "extra", "kept as given"));
        assertEquals(25L, s.get(TrackerNode.MAX_AGE));
        assertEquals(0.5, s.get(TrackerNode.IOU_THRESHOLD));
        assertEquals(false, s.get(TrackerNode.MATCH_LABELS));
        assertEquals("kept as given", s.get("extra"), "a key the type does not define passes unchanged");

        EffectiveSettings f = EffectiveSettings.of(new FilterNode(), "f", Map.of(FilterNode.LABELS, "car, person"));
        assertEquals(List.of("car", "person"), f.strings(FilterNode.LABELS));

        EffectiveSettings z = EffectiveSettings.of(new ZoneNode(), "z",
                Map.of(ZoneNode.POLYGON, "[[0,0],[1,0],[1,1]]"));
        assertEquals(List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 1.0)), z.points(ZoneNode.POLYGON));
    }

    @Test
    void anInvalidValueIsAnErrorNamingNodeAndKey() {
        EffectiveSettings.InvalidValue e = assertThrows(EffectiveSettings.InvalidValue.class,
                () -> EffectiveSettings.of(tracker, "tracker-7", Map.of(TrackerNode.MAX_AGE, "soon")));
        assertTrue(e.getMessage().contains("'tracker-7'"), e.getMessage());
        assertTrue(e.getMessage().contains("'" + TrackerNode.MAX_AGE + "'"), e.getMessage());
        assertTrue(e.getMessage().contains("soon"), "names the bad value: " + e.getMessage());
        assertEquals(TrackerNode.MAX_AGE, e.key());
        assertEquals("soon", e.value());
        assertTrue(e.reason().contains("whole number"), e.reason());
    }

    @Test
    void leniencyKeepsAnInvalidValueAsStoredForForms() {
        var node = tracker.newNode("t2").withSetting(TrackerNode.MAX_AGE, "soon");
        EffectiveSettings s = EffectiveSettings.lenient(tracker, node);
        assertEquals("soon", s.get(TrackerNode.MAX_AGE));
        assertEquals(3L, s.get(TrackerNode.MIN_HITS));
        assertThrows(IllegalArgumentException.class, () -> EffectiveSettings.of(tracker, node));
    }

    @Test
    void anUnresolvedParameterOrMissingValueIsRefusedWhenRead() {
        EffectiveSettings s = EffectiveSettings.of(tracker, "t3", Map.of(TrackerNode.MAX_AGE, "$param(age)"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> s.integer(TrackerNode.MAX_AGE));
        assertTrue(e.getMessage().contains("'t3'") && e.getMessage().contains("$param(age)"), e.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> s.text("nope"));
        assertTrue(missing.getMessage().contains("'nope'") && missing.getMessage().contains("no value"),
                missing.getMessage());
        assertFalse(s.has("nope"));
        assertEquals("", s.textOrEmpty("nope"));
    }

    @Test
    void valuesCannotBeChangedAfterwards() {
        EffectiveSettings s = EffectiveSettings.defaults(tracker, "t");
        assertThrows(UnsupportedOperationException.class, () -> s.values().put(TrackerNode.MAX_AGE, 1L));
    }
}
