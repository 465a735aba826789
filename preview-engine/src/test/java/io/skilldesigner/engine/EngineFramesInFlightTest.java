package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.source.FrameListSource;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.VideoFileSource;

/**
 * A real detector (YOLOX-Nano from ../shared/models) on a session with two stages keeps two frames of one stream in
 * flight, and finds exactly what it finds one frame at a time, frame by frame and in the same order.
 */
class EngineFramesInFlightTest {
    private static final Path SHARED = Path.of(System.getProperty("sd.shared.dir", "../shared"));
    /** Frames of the street video where people walk (the first ones show an empty street). */
    private static final int SKIP = 60;
    private static final int FRAMES = 30;
    private static List<FrameImage> frames;

    @BeforeAll
    static void decode() throws Exception {
        List<FrameImage> all = new ArrayList<>();
        try (VideoFileSource source = new VideoFileSource(SourceSpec.file(
                SHARED.resolve("media/video/one-by-one-person-detection.mp4").toString(), true), (s, m) -> { })) {
            source.open();
            while (all.size() < SKIP + FRAMES) {
                FrameImage f = source.read();
                assertTrue(f != null, "the video is shorter than " + (SKIP + FRAMES) + " frames");
                all.add(f);
            }
        }
        frames = List.copyOf(all.subList(SKIP, SKIP + FRAMES));
    }

    private record Run(List<Frame> detected, Map<String, String> info) {
    }

    private static Run run(String threads) throws Exception {
        ModelLibrary library = ModelLibrary.of(List.of(new ModelDescriptor("yolox", "YOLOX-Nano", ModelTask.DETECTION,
                null, FileLocation.local(SHARED.resolve("models/yolox/yolox-nano-416.onnx").toAbsolutePath()
                        .toString()), null, "", List.of(), null, null, "")));
        Skill skill = TestSkills.fileCamera(Path.of("memory"), false).node("model", ModelNode.ID, "camera",
                Map.of(ModelNode.MODEL, "yolox", ModelNode.TASK, ModelNode.DETECTION)).build();
        List<Frame> detected = TestNodes.newLog();
        try (ModelSessions sessions = new ModelSessions(SessionSettings.parse(threads), null, 1)) {
            NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)));
            try (Engine engine = Engine.builder(skill).models(library).registry(registry).paced(false).lossless(true)
                    .sourceOverride(SourceSpec.file("memory", false))
                    .sourceFactory((spec, listener) -> new FrameListSource(frames, listener))
                    .listener(new EngineListener() {
                        @Override
                        public void onNodeOutput(String nodeId, Frame frame) {
                            if (nodeId.equals("model")) {
                                detected.add(frame);
                            }
                        }
                    }).build()) {
                engine.start();
                assertTrue(engine.awaitCompletion(Duration.ofSeconds(120)), "run did not end");
                assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
                assertEquals(0, engine.metrics("model").errors(), engine.metrics("model").lastError());
                return new Run(List.copyOf(detected), engine.runtimeInfo().get("model"));
            }
        }
    }

    @Test
    void twoFramesInFlightFindWhatOneAtATimeFindsInTheSameOrder() throws Exception {
        Run one = run("2,1,1");
        Run two = run("1,1,2");
        assertNull(one.info().get("frames in flight"), "one stage: one frame at a time " + one.info());
        assertEquals("2", two.info().get("frames in flight"), two.info().toString());
        assertEquals(FRAMES, one.detected().size());
        assertEquals(FRAMES, two.detected().size());
        int withPeople = 0;
        for (int i = 0; i < FRAMES; i++) {
            Frame a = one.detected().get(i);
            Frame b = two.detected().get(i);
            assertEquals(a.sequence(), b.sequence(), "frame " + i + " in the same place");
            assertEquals(summary(a), summary(b), "frame " + i);
            withPeople += a.objects().isEmpty() ? 0 : 1;
        }
        assertTrue(withPeople >= FRAMES / 2, "people found on " + withPeople + " of " + FRAMES + " frames");
        List<Long> order = two.detected().stream().map(Frame::sequence).toList();
        List<Long> sorted = new ArrayList<>(order);
        sorted.sort(null);
        assertEquals(sorted, order);
        assertFalse(order.isEmpty());
    }

    private static List<String> summary(Frame f) {
        return f.objects().stream().map(EngineFramesInFlightTest::summary).toList();
    }

    private static String summary(DetectedObject o) {
        return o.label() + " " + o.confidence() + " " + o.bbox();
    }
}
