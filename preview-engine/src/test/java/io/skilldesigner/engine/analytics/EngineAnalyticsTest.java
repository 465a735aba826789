package io.skilldesigner.engine.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.TestNodes;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;

/**
 * The analytics chain inside the running engine (real video source, threads, the engine's own runtime context):
 * the zone takes its lost-track delay from the tracker node's setting in the skill, and the counter, finding a
 * tracker upstream, counts confirmed tracks only.
 */
class EngineAnalyticsTest {
    private static final int FRAMES = 30;

    @TempDir
    Path dir;

    @Test
    void zoneAndCounterFollowTheTrackerOfTheSkill() throws Exception {
        Path video = TestVideos.movingSquare(dir.resolve("v.mp4"), FRAMES, 160, 120, 25);
        // A fake detector: one person standing inside the zone, hidden on frames 10..17.
        TestNodes nodes = new TestNodes().type("stander", TestNodes.map(f -> f.withObjects(
                f.sequence() >= 10 && f.sequence() < 18 ? List.of()
                        : List.of(DetectedObject.of("person", 0.9f, new BBox(0.45f, 0.5f, 0.1f, 0.2f))))));
        Skill skill = TestSkills.fileCamera(video, false)
                .node("detector", "stander", "camera")
                .node("tracker", TrackerNode.ID, "detector", Map.of(TrackerNode.MAX_AGE, 5L))
                .node("zone", ZoneNode.ID, "tracker")
                .node("counter", CounterNode.ID, "zone", Map.of(CounterNode.EMIT_COUNTS, true))
                .build();
        Map<Long, List<FrameEvent>> events = new ConcurrentSkipListMap<>();
        EngineListener listener = new EngineListener() {
            @Override
            public void onNodeOutput(String nodeId, Frame frame) {
                if (nodeId.equals("counter")) {
                    events.put(frame.sequence(), frame.events());
                }
            }
        };
        try (Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry())
                .workspace(dir).listener(listener).paced(false).lossless(true).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)));
            assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
        }
        assertEquals(FRAMES, events.size());
        List<String> zone = new ArrayList<>();
        events.forEach((seq, list) -> list.stream().filter(e -> e.type().startsWith("zone-"))
                .forEach(e -> zone.add(seq + " " + e.type() + " #" + e.properties().get("trackingId")
                        + (e.type().equals("zone-exit") ? " " + e.properties().get("reason") : ""))));
        // the tracker ends track 1 on its 6th frame unseen (frame 15): the zone lets it go on that frame
        assertEquals(List.of("2 zone-enter #1", "15 zone-exit #1 lost", "20 zone-enter #2"), zone);
        assertEquals("0", windowCount(events.get(1L)), "unconfirmed: not counted yet");
        assertEquals("1", windowCount(events.get(2L)));
        assertEquals("2", windowCount(events.get((long) FRAMES - 1)), "two track ids, each counted once");
    }

    private static String windowCount(List<FrameEvent> events) {
        return events.stream().filter(e -> e.type().equals("object-count")).findFirst().orElseThrow()
                .properties().get("window.person");
    }
}
