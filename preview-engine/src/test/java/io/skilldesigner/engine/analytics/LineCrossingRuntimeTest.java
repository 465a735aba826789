package io.skilldesigner.engine.analytics;

import static io.skilldesigner.engine.analytics.Synthetic.frame;
import static io.skilldesigner.engine.analytics.Synthetic.tracked;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;

class LineCrossingRuntimeTest {
    /** Horizontal segment y = 0.5 from x 0.2 to 0.8, drawn left to right: moving down is "in". */
    private static final List<List<Double>> LINE = List.of(List.of(0.2, 0.5), List.of(0.8, 0.5));

    private static LineCrossingRuntime line(Map<String, Object> extra) throws Exception {
        Map<String, Object> s = new HashMap<>(Map.of(LineCrossingNode.LINE, LINE, LineCrossingNode.LINE_NAME, "gate",
                LineCrossingNode.IN_SIDE, LineCrossingNode.IN_SIDE_RIGHT));
        s.putAll(extra);
        return (LineCrossingRuntime) Synthetic.runtime(new LineCrossingRuntimeFactory(), new LineCrossingNode(), s);
    }

    /** Bottom of a 0.1-high box at y = top + 0.1. */
    private static List<FrameEvent> run(NodeRuntime r, List<List<DetectedObject>> frames) throws Exception {
        List<FrameEvent> events = new ArrayList<>();
        for (int i = 0; i < frames.size(); i++) {
            events.addAll(r.process(frame(i, frames.get(i).toArray(DetectedObject[]::new))).events());
        }
        return events;
    }

    private static List<List<DetectedObject>> scenario() {
        List<List<DetectedObject>> frames = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            List<DetectedObject> f = new ArrayList<>();
            // person 1 walks down through the segment (bottom y 0.2 → 0.77): one "in"
            f.add(tracked("person", "1", 0.45, 0.1 + 0.03 * i));
            // car 2 drives up through the segment (bottom y 0.9 → 0.33): one "out"
            f.add(tracked("car", "2", 0.3, 0.8 - 0.03 * i));
            // person 3 walks down beside the segment (x 0.9): no crossing
            f.add(tracked("person", "3", 0.85, 0.1 + 0.03 * i));
            // person 4 goes down across the line and comes back up: one "in", one "out"
            double y4 = i < 10 ? 0.3 + 0.03 * i : 0.57 - 0.03 * (i - 10);
            f.add(tracked("person", "4", 0.6, y4));
            // person 5 stops with its bottom exactly on the line, then steps back: never crosses
            double y5 = i < 5 ? 0.2 + 0.04 * i : i < 10 ? 0.4 : 0.35;
            f.add(tracked("person", "5", 0.25, y5));
            frames.add(f);
        }
        return frames;
    }

    @Test
    void countsEachCrossingOncePerTrackLabelAndDirection() throws Exception {
        LineCrossingRuntime r = line(Map.of());
        List<FrameEvent> events = run(r, scenario());
        assertEquals(Map.of("person", new LineCrossingRuntime.Counts(2, 1), "car", new LineCrossingRuntime.Counts(0, 1)),
                r.counts());
        assertEquals(4, events.size());
        List<String> summary = events.stream()
                .map(e -> e.properties().get("trackingId") + ":" + e.properties().get("direction")).toList();
        assertEquals(List.of("1:in", "2:out", "4:in", "4:out"), summary.stream().sorted().toList());
        FrameEvent first = events.stream().filter(e -> e.relatedIds().equals(List.of("1"))).findFirst().orElseThrow();
        assertEquals("line-crossing", first.type());
        assertEquals("gate", first.properties().get("line"));
        assertEquals("person", first.properties().get("label"));
    }

    @Test
    void directionAndLabelFiltersLimitWhatIsCounted() throws Exception {
        LineCrossingRuntime inOnly = line(Map.of(LineCrossingNode.DIRECTION, LineCrossingNode.DIRECTION_IN));
        run(inOnly, scenario());
        assertEquals(Map.of("person", new LineCrossingRuntime.Counts(2, 0)), inOnly.counts());
        LineCrossingRuntime cars = line(Map.of(LineCrossingNode.LABELS, List.of("car")));
        run(cars, scenario());
        assertEquals(Map.of("car", new LineCrossingRuntime.Counts(0, 1)), cars.counts());
    }

    @Test
    void centreAnchorIgnoresABoxWhoseBottomOnlyDipsOverTheLine() throws Exception {
        List<List<DetectedObject>> frames = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // box 0.1 high, top 0.33 → 0.42: bottom crosses 0.5, centre (≤ 0.47) never does
            frames.add(List.of(tracked("person", "9", 0.4, 0.33 + 0.01 * i)));
        }
        LineCrossingRuntime bottom = line(Map.of());
        run(bottom, frames);
        assertEquals(Map.of("person", new LineCrossingRuntime.Counts(1, 0)), bottom.counts());
        LineCrossingRuntime centre = line(Map.of(LineCrossingNode.ANCHOR, LineCrossingNode.ANCHOR_CENTER));
        run(centre, frames);
        assertEquals(Map.of(), centre.counts());
    }

    @Test
    void trackerThenLineCountsUntrackedDetectionsEndToEnd() throws Exception {
        NodeRuntime tracker = Synthetic.runtime(new TrackerRuntimeFactory(), new TrackerNode(), Map.of());
        LineCrossingRuntime r = line(Map.of());
        for (int i = 0; i < 25; i++) {
            // three pedestrians walking down in a column, detections without ids
            Frame f = frame(i, Synthetic.box("person", 0.3, 0.05 + 0.03 * i), Synthetic.box("person", 0.5, 0.02 * i),
                    Synthetic.box("person", 0.7, 0.7 - 0.03 * i));
            r.process(tracker.process(f));
        }
        assertEquals(Map.of("person", new LineCrossingRuntime.Counts(2, 1)), r.counts());
    }
}
