package io.skilldesigner.engine.analytics;

import static io.skilldesigner.engine.analytics.Synthetic.frame;
import static io.skilldesigner.engine.analytics.Synthetic.tracked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;

class ZoneRuntimeTest {
    /** A vertical band x in (0.405, 0.605), full height. */
    private static final List<List<Double>> BAND = List.of(List.of(0.405, 0.0), List.of(0.605, 0.0),
            List.of(0.605, 1.0), List.of(0.405, 1.0));

    private static NodeRuntime zone(Map<String, Object> extra) throws Exception {
        Map<String, Object> s = new java.util.HashMap<>(Map.of(ZoneNode.POLYGON, BAND, ZoneNode.ZONE_NAME, "door"));
        s.putAll(extra);
        return Synthetic.runtime(new ZoneRuntimeFactory(), new ZoneNode(), s);
    }

    @Test
    void trackedObjectWalkingThroughTheZoneEntersAndExitsWithTimeInZone() throws Exception {
        NodeRuntime z = zone(Map.of());
        List<FrameEvent> events = new ArrayList<>();
        List<Long> eventFrames = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            // bottom-centre x = 0.15 + 0.02 i: inside for i = 13..22
            Frame f = z.process(frame(i, tracked("person", "7", 0.1 + 0.02 * i, 0.3),
                    tracked("car", "8", 0.0, 0.0)));
            assertEquals(2, f.objects().size(), "filter 'none' passes everything on");
            f.events().forEach(e -> {
                events.add(e);
                eventFrames.add(f.sequence());
            });
        }
        assertEquals(List.of(13L, 23L), eventFrames);
        FrameEvent enter = events.get(0);
        assertEquals("zone-enter", enter.type());
        assertEquals("n1-1", enter.eventId());
        assertEquals(List.of("7"), enter.relatedIds());
        assertEquals(Map.of("zone", "door", "label", "person", "trackingId", "7"), enter.properties());
        FrameEvent exit = events.get(1);
        assertEquals("zone-exit", exit.type());
        assertEquals("n1-2", exit.eventId());
        assertEquals("1.000", exit.properties().get("timeInZoneSeconds"));
        assertEquals("left", exit.properties().get("reason"));
    }

    @Test
    void keepInsideDropsOutsideObjectsAndOtherLabelsPass() throws Exception {
        NodeRuntime z = zone(Map.of(ZoneNode.FILTER, ZoneNode.FILTER_KEEP_INSIDE, ZoneNode.LABELS, List.of("person")));
        Frame f = z.process(frame(0, Synthetic.box("person", 0.45, 0.2), Synthetic.box("person", 0.1, 0.2),
                Synthetic.box("car", 0.1, 0.2)));
        assertEquals(List.of("person", "car"), f.objects().stream().map(DetectedObject::label).toList());
        assertEquals(0.45f, f.objects().get(0).bbox().l(), 1e-6f);
        assertTrue(f.events().isEmpty(), "untracked objects raise no events");

        NodeRuntime out = zone(Map.of(ZoneNode.FILTER, ZoneNode.FILTER_KEEP_OUTSIDE));
        Frame g = out.process(frame(0, Synthetic.box("person", 0.45, 0.2), Synthetic.box("person", 0.1, 0.2)));
        assertEquals(1, g.objects().size());
        assertEquals(0.1f, g.objects().get(0).bbox().l(), 1e-6f);
    }

    @Test
    void anchorDecidesWhichPointMustBeInside() throws Exception {
        List<List<Double>> upperHalf = List.of(List.of(0.0, 0.0), List.of(1.0, 0.0), List.of(1.0, 0.5),
                List.of(0.0, 0.5));
        // Box from y 0.35 to 0.55: centre (0.45) inside, bottom (0.55) outside.
        DetectedObject o = DetectedObject.of("person", 0.9f, new io.skilldesigner.engine.frame.BBox(0.2f, 0.35f, 0.1f, 0.2f));
        NodeRuntime bottom = zone(Map.of(ZoneNode.POLYGON, upperHalf, ZoneNode.FILTER, ZoneNode.FILTER_KEEP_INSIDE));
        NodeRuntime centre = zone(Map.of(ZoneNode.POLYGON, upperHalf, ZoneNode.FILTER, ZoneNode.FILTER_KEEP_INSIDE,
                ZoneNode.ANCHOR, ZoneNode.ANCHOR_CENTER));
        assertEquals(0, bottom.process(frame(0, o)).objects().size());
        assertEquals(1, centre.process(frame(0, o)).objects().size());
    }

    @Test
    void trackLostInsideExitsOnTheFrameTheTrackerEndsIt() throws Exception {
        // no running skill: the tracker's default "keep lost tracks for" (15 frames) applies
        int maxAge = (int) TrackerRuntimeFactory.config(EffectiveSettings.defaults(new TrackerNode(), "t")).maxAge();
        assertEquals(15, maxAge);
        NodeRuntime z = zone(Map.of());
        assertEquals("zone-enter", z.process(frame(0, tracked("person", "3", 0.45, 0.3))).events().get(0).type());
        for (int i = 1; i <= maxAge; i++) {
            assertTrue(z.process(frame(i)).events().isEmpty(), "frame " + i);
        }
        Frame f = z.process(frame(maxAge + 1));
        assertEquals(1, f.events().size());
        assertEquals("lost", f.events().get(0).properties().get("reason"));
        assertEquals("1.600", f.events().get(0).properties().get("timeInZoneSeconds"));
    }
}
