package io.skilldesigner.engine.analytics;

import static io.skilldesigner.engine.analytics.Synthetic.box;
import static io.skilldesigner.engine.analytics.Synthetic.frame;
import static io.skilldesigner.engine.analytics.Synthetic.tracked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;

class CounterRuntimeTest {
    private static CounterRuntime counter(Map<String, Object> extra) throws Exception {
        return (CounterRuntime) Synthetic.runtime(new CounterRuntimeFactory(), new CounterNode(), new HashMap<>(extra));
    }

    @Test
    void countsPerLabelPerFrameAndDistinctTracksOverTheWindow() throws Exception {
        CounterRuntime c = counter(Map.of(CounterNode.WINDOW_SECONDS, 1L, CounterNode.LABELS, List.of("person", "bike"),
                CounterNode.EMIT_COUNTS, true));
        // frames 0..9 (1 s): person ids 1 and 2 then 2 and 3; one untracked car (not counted: not listed)
        Frame last = null;
        for (int i = 0; i < 10; i++) {
            String a = i < 5 ? "1" : "3";
            last = c.process(frame(i, tracked("person", a, 0.1, 0.1), tracked("person", "2", 0.5, 0.5),
                    box("car", 0.2, 0.2)));
        }
        assertEquals(Map.of("person", 2L, "bike", 0L), c.frameCounts());
        assertEquals(Map.of("person", 3L, "bike", 0L), c.windowCounts());
        FrameEvent counts = last.events().get(0);
        assertEquals("object-count", counts.type());
        assertEquals(Map.of("count.bike", "0", "count.person", "2", "window.bike", "0", "window.person", "3"),
                counts.properties());
        // 1 s later, only id 3 is still in the window
        c.process(frame(19, tracked("person", "3", 0.1, 0.1)));
        assertEquals(Map.of("person", 1L, "bike", 0L), c.windowCounts());
    }

    @Test
    void untrackedObjectsCountTheLargestFrameInTheWindow() throws Exception {
        CounterRuntime c = counter(Map.of(CounterNode.WINDOW_SECONDS, 10L));
        c.process(frame(0, box("car", 0.1, 0.1), box("car", 0.3, 0.1), box("car", 0.5, 0.1)));
        c.process(frame(1, box("car", 0.1, 0.1)));
        assertEquals(Map.of("car", 1L), c.frameCounts());
        assertEquals(Map.of("car", 3L), c.windowCounts());
    }

    @Test
    void thresholdFiresOncePerRise() throws Exception {
        CounterRuntime c = counter(Map.of(CounterNode.THRESHOLD, 2L));
        int[] sizes = {1, 2, 3, 2, 1, 2, 0};
        List<Long> fired = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            List<DetectedObject> objs = new ArrayList<>();
            for (int k = 0; k < sizes[i]; k++) {
                objs.add(tracked("person", "p" + k, 0.1 * k, 0.1));
            }
            Frame f = c.process(frame(i, objs.toArray(DetectedObject[]::new)));
            for (FrameEvent e : f.events()) {
                assertEquals("count-threshold", e.type());
                assertEquals("person", e.properties().get("label"));
                assertEquals("frame", e.properties().get("scope"));
                assertEquals(Integer.toString(sizes[i]), e.properties().get("count"));
                fired.add((long) i);
            }
        }
        assertEquals(List.of(1L, 5L), fired);
        assertTrue(c.process(frame(7)).events().isEmpty());
    }
}
