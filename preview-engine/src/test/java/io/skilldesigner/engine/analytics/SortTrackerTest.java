package io.skilldesigner.engine.analytics;

import static io.skilldesigner.engine.analytics.Synthetic.box;
import static io.skilldesigner.engine.analytics.Synthetic.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;

class SortTrackerTest {

    private static NodeRuntime tracker(Map<String, Object> settings) throws Exception {
        return Synthetic.runtime(new TrackerRuntimeFactory(), new TrackerNode(), settings);
    }

    private static String id(Frame f, int index) {
        DetectedObject o = f.objects().get(index);
        return o.tracking() == null ? null : o.tracking().trackingId();
    }

    @Test
    void twoObjectsOnStraightPathsKeepTheirIdsAndGetSpeedAndDirection() throws Exception {
        NodeRuntime t = tracker(Map.of());  // catalog defaults: min hits 3
        List<Frame> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            out.add(t.process(frame(i, box("person", 0.1 + 0.02 * i, 0.2), box("car", 0.8 - 0.01 * i, 0.6))));
        }
        assertNull(id(out.get(0), 0));
        assertNull(id(out.get(1), 1));
        for (int i = 2; i < 20; i++) {
            assertEquals("1", id(out.get(i), 0), "frame " + i);
            assertEquals("2", id(out.get(i), 1), "frame " + i);
        }
        var person = out.get(19).objects().get(0).tracking();
        assertEquals(0.2f, person.speed(), 1e-4f);  // 0.02 per 100 ms
        assertEquals(1f, person.directionX(), 1e-4f);
        assertEquals(0f, person.directionY(), 1e-4f);
        var car = out.get(19).objects().get(1).tracking();
        assertEquals(0.1f, car.speed(), 1e-4f);
        assertEquals(-1f, car.directionX(), 1e-4f);
        // every confirmed frame tells where the track started: its first, unconfirmed detection
        assertEquals(out.get(0).objects().get(0).bbox(), person.origin());
        assertEquals(box("car", 0.8, 0.6).bbox(), car.origin());
    }

    @Test
    void crossingPathsDoNotSwapIds() throws Exception {
        NodeRuntime t = tracker(Map.of(TrackerNode.MIN_HITS, 1L));
        for (int i = 0; i < 30; i++) {
            // A moves right, B moves left, 0.05 apart vertically: their boxes overlap heavily mid-way.
            Frame f = t.process(frame(i, box("person", 0.05 + 0.03 * i, 0.40), box("person", 0.92 - 0.03 * i, 0.45)));
            assertEquals("1", id(f, 0), "frame " + i);
            assertEquals("2", id(f, 1), "frame " + i);
        }
    }

    @Test
    void shortOcclusionKeepsTheIdLongOneStartsANewTrack() throws Exception {
        NodeRuntime t = tracker(Map.of(TrackerNode.MIN_HITS, 1L, TrackerNode.MAX_AGE, 5L));
        int seq = 0;
        for (int i = 0; i < 10; i++, seq++) {
            assertEquals("1", id(t.process(frame(seq, box("person", 0.1 + 0.02 * seq, 0.3))), 0));
        }
        seq += 5;  // hidden for 5 frames (= max age): the prediction carries the box along
        for (int i = 0; i < 5; i++, seq++) {
            assertEquals("1", id(t.process(frame(seq, box("person", 0.1 + 0.02 * seq, 0.3))), 0), "frame " + seq);
        }
        for (int i = 0; i < 6; i++, seq++) {
            t.process(frame(seq));  // hidden for 6 frames: the track ends
        }
        assertEquals("2", id(t.process(frame(seq, box("person", 0.1 + 0.02 * seq, 0.3))), 0));
    }

    @Test
    void tentativeTrackThatMissesIsDroppedAndLabelsMustMatch() throws Exception {
        NodeRuntime t = tracker(Map.of(TrackerNode.MIN_HITS, 2L));
        t.process(frame(0, box("person", 0.5, 0.5)));  // a one-frame false detection: never gets an id
        t.process(frame(1));
        Frame f = null;
        for (int i = 2; i < 5; i++) {
            f = t.process(frame(i, box("person", 0.1, 0.1), box("car", 0.1, 0.1)));
        }
        assertEquals("1", id(f, 0));
        assertEquals("2", id(f, 1));
        // With label matching off, one box cannot continue two tracks: the car box takes no track and starts one.
        NodeRuntime any = tracker(Map.of(TrackerNode.MIN_HITS, 1L, TrackerNode.MATCH_LABELS, false));
        assertEquals("1", id(any.process(frame(0, box("person", 0.1, 0.1))), 0));
        assertEquals("1", id(any.process(frame(1, box("car", 0.1, 0.1))), 0));
    }
}
