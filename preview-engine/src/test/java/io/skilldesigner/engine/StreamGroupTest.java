package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.source.SourceSpec;

/**
 * One skill (real YOLOX-Nano) on four real video streams at once: four clips cut from the shared street video at
 * different places. Each stream's detections, frame by frame, must equal those of the same clip run alone; the
 * four streams share one ONNX Runtime session; the summary has every stream's counters.
 */
class StreamGroupTest {
    private static final int FRAMES = 8;
    private static final int STREAMS = 4;

    @TempDir
    static Path dir;
    private static final List<Path> clips = new ArrayList<>();

    private static Path shared() {
        return Path.of(System.getProperty("sd.shared.dir", "../shared")).toAbsolutePath().normalize();
    }

    /** Clips of FRAMES frames starting at 0, 60, 120, 180 of the real video (re-encoded, same pictures). */
    @BeforeAll
    static void cutClips() throws Exception {
        Path video = shared().resolve("media/video/one-by-one-person-detection.mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            int index = 0;
            for (int c = 0; c < STREAMS; c++) {
                Path clip = dir.resolve("clip" + c + ".mp4");
                try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(clip.toString(), g.getImageWidth(),
                        g.getImageHeight(), 0)) {
                    rec.setFormat("mp4");
                    rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                    rec.setFrameRate(25);
                    rec.setVideoQuality(2);
                    rec.start();
                    int start = c * 60;
                    int written = 0;
                    org.bytedeco.javacv.Frame f;
                    while (written < FRAMES && (f = g.grabImage()) != null) {
                        if (index++ >= start) {
                            rec.record(f);
                            written++;
                        }
                    }
                    assertEquals(FRAMES, written, "the shared video is long enough");
                    rec.stop();
                }
                clips.add(clip);
            }
        }
    }

    private static ModelLibrary library() {
        return ModelLibrary.of(List.of(new ModelDescriptor("yolox", "YOLOX-Nano", ModelTask.DETECTION, null,
                FileLocation.local(shared().resolve("models/yolox/yolox-nano-416.onnx").toString()),
                FileLocation.local(Path.of("src/test/resources/models/coco80_labels.txt").toAbsolutePath().toString()),
                "",
                List.of(), null, null, "")));
    }

    private static Skill skill() {
        return TestSkills.fileCamera(clips.get(0), false)
                .node("detector", ModelNode.ID, "camera", Map.of(ModelNode.MODEL, "yolox",
                        ModelNode.TASK, ModelNode.DETECTION))
                .build();
    }

    /** Per frame: "label conf l t w h" of each detection, rounded below the float noise of a different thread. */
    private static List<String> detections(List<Frame> frames) {
        List<String> out = new ArrayList<>();
        for (Frame f : frames) {
            StringBuilder sb = new StringBuilder(f.sequence() + ":");
            for (DetectedObject o : f.objects()) {
                sb.append(String.format(java.util.Locale.ROOT, " %s %.4f %.4f %.4f %.4f %.4f;", o.label(),
                        o.confidence(), o.bbox().l(), o.bbox().t(), o.bbox().w(), o.bbox().h()));
            }
            out.add(sb.toString());
        }
        return out;
    }

    private static EngineListener recorder(List<Frame> into) {
        return new EngineListener() {
            @Override
            public void onOutput(Frame frame) {
                into.add(frame);
            }
        };
    }

    @Test
    void fourStreamsShareOneSessionAndGiveTheSameDetectionsAsSingleRuns() throws Exception {
        List<List<String>> alone = new ArrayList<>();
        for (Path clip : clips) {
            List<Frame> out = new CopyOnWriteArrayList<>();
            try (ModelSessions sessions = new ModelSessions();
                 NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)));
                 Engine e = Engine.builder(skill()).models(library()).registry(registry).workspace(dir)
                         .sourceOverride(SourceSpec.file(clip.toString(), false)).lossless(true).paced(false)
                         .listener(recorder(out)).build()) {
                e.start();
                assertTrue(e.awaitCompletion(Duration.ofMinutes(3)));
                assertEquals(RunState.COMPLETED, e.state(), e.stateMessage());
            }
            assertEquals(FRAMES, out.size());
            alone.add(detections(out));
        }
        assertFalse(alone.get(0).equals(alone.get(3)), "the clips show different scenes");
        assertTrue(alone.stream().flatMap(List::stream).anyMatch(l -> l.contains("person")), "people detected: " + alone);

        List<List<Frame>> outs = new ArrayList<>();
        clips.forEach(c -> outs.add(new CopyOnWriteArrayList<>()));
        try (ModelSessions sessions = new ModelSessions();
             NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)))) {
            List<SourceSpec> sources = clips.stream().map(c -> SourceSpec.file(c.toString(), false)).toList();
            try (StreamGroup group = StreamGroup.build(sources, (i, spec) -> Engine.builder(skill())
                    .models(library()).registry(registry).workspace(dir).lossless(true).paced(false),
                    (i, id) -> recorder(outs.get(i)))) {
                group.start();
                assertTrue(group.awaitCompletion(Duration.ofMinutes(3)));
                assertEquals(1, sessions.openSessions().size(), "one model session shared by the four streams");
                for (int i = 0; i < STREAMS; i++) {
                    StreamGroup.Stream s = group.streams().get(i);
                    assertEquals(RunState.COMPLETED, s.engine().state(), s.engine().stateMessage());
                    assertEquals(alone.get(i), detections(outs.get(i)), "stream " + (i + 1) + " frame by frame");
                    Map<String, String> info = s.engine().runtimeInfo().get("detector");
                    assertTrue(info.containsKey("stage wait ms"), "fairness counter per stream: " + info);
                }
                StreamSummary summary = group.summary();
                assertEquals(STREAMS, summary.rows().size());
                for (StreamSummary.Row r : summary.rows()) {
                    assertEquals(FRAMES, r.frames(), r.streamId());
                    assertEquals(0, r.drops(), "lossless: nothing dropped in " + r.streamId());
                    assertTrue(r.fps() > 0 && r.p95Millis() >= r.p50Millis(), r.toString());
                }
                assertTrue(summary.fairness() > 0 && summary.fairness() <= 1);
                String table = summary.format();
                assertTrue(table.contains("stream4") && table.contains("aggregate"), table);
            }
        }
    }

    @Test
    void aSessionWithOneStageLetsStreamsTakeTurnsAndCountsTheirWaits() throws Exception {
        List<List<Frame>> outs = new ArrayList<>();
        clips.forEach(c -> outs.add(new CopyOnWriteArrayList<>()));
        try (ModelSessions sessions = new ModelSessions(new io.skilldesigner.engine.model.SessionSettings(1, 1, 1));
             NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)))) {
            List<SourceSpec> sources = clips.stream().map(c -> SourceSpec.file(c.toString(), false)).toList();
            try (StreamGroup group = StreamGroup.build(sources, (i, spec) -> Engine.builder(skill())
                    .models(library()).registry(registry).workspace(dir).lossless(true).paced(false),
                    (i, id) -> recorder(outs.get(i)))) {
                group.start();
                assertTrue(group.awaitCompletion(Duration.ofMinutes(3)));
                assertEquals(1, sessions.openSessions().get(0).stages());
                double waited = 0;
                for (StreamGroup.Stream s : group.streams()) {
                    waited += Double.parseDouble(s.engine().runtimeInfo().get("detector").get("stage wait ms"));
                    assertEquals(FRAMES, s.engine().metrics("detector").framesOut(), s.id());
                }
                // Four streams, one turn at a time: someone must have waited for a turn.
                assertTrue(waited > 0, "streams waited for their turns: " + waited + " ms");
            }
        }
    }
}
