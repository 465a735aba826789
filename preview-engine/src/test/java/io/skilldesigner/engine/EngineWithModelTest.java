package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.RunIdentity;

/** The standard registry end to end: video of a real group photo → real UltraFace model → filter → insights. */
class EngineWithModelTest {
    private static final int FRAMES = 6;

    @Test
    void realFaceDetectorFindsFacesAndTheFilterKeepsConfidentOnes(@TempDir Path dir) throws Exception {
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path video = TestVideos.stillImage(dir.resolve("faces.mp4"), shared.resolve("media/faces/1.jpg"), FRAMES,
                720, 478, 10);
        ModelLibrary models = ModelLibrary.of(List.of(new ModelDescriptor("ultraface", "UltraFace 320",
                ModelTask.DETECTION, null,
                FileLocation.local(shared.resolve("models/ultraface/version-RFB-320.onnx").toAbsolutePath().toString()),
                FileLocation.local(resource("/models/face_labels.txt").toString()), "", List.of(), null, null, "")));
        Skill skill = TestSkills.fileCamera(video, false).fps(30)
                .node("faces", ModelNode.ID, "camera", Map.of(ModelNode.MODEL, "ultraface",
                        ModelNode.TASK, ModelNode.DETECTION))
                .node("confident", FilterNode.ID, "faces",
                        Map.of(FilterNode.LABELS, List.of("face"), FilterNode.MIN_CONFIDENCE, 0.9))
                .build();
        EngineFileSourceTest.Recorder rec = new EngineFileSourceTest.Recorder();
        List<Frame> detected = TestNodes.newLog();
        EngineListener both = new EngineListener() {
            @Override
            public void onNodeOutput(String nodeId, Frame frame) {
                if (nodeId.equals("faces")) {
                    detected.add(frame);
                }
            }

            @Override
            public void onOutput(Frame frame) {
                rec.onOutput(frame);
            }
        };
        try (Engine engine = Engine.builder(skill).models(models).workspace(dir).listener(both).lossless(true)
                .build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(120)));
            assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
            NodeMetrics faces = engine.metrics("faces");
            assertEquals(FRAMES, faces.framesOut());
            assertEquals(0, faces.errors(), faces.lastError());
            assertEquals(FRAMES, rec.outputs.size());
            for (int i = 0; i < FRAMES; i++) {
                Frame all = detected.get(i);
                Frame kept = rec.outputs.get(i);
                assertTrue(kept.objects().size() >= 3, "faces in a group photo: " + kept.objects().size());
                assertTrue(kept.objects().size() <= all.objects().size());
                for (DetectedObject o : kept.objects()) {
                    assertEquals("face", o.label());
                    assertTrue(o.confidence() >= 0.9f);
                    assertTrue(o.bbox().l() >= 0 && o.bbox().right() <= 1.0001f, o.bbox().toString());
                }
            }
            String json = new InsightsJson(RunIdentity.preview(skill.id()), ZoneOffset.UTC).toJson(rec.outputs.get(0));
            JsonObject o = JsonParser.parseString(json).getAsJsonObject();
            JsonArray objects = o.getAsJsonObject("insights_meta").getAsJsonArray("objects_meta");
            assertEquals(rec.outputs.get(0).objects().size(), objects.size());
            assertEquals(720, o.getAsJsonObject("image").getAsJsonObject("properties").get("width").getAsInt());
        }
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(EngineWithModelTest.class.getResource(name).toURI());
    }
}
