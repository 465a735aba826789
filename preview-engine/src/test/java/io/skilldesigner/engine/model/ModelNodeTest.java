package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.assertBox;
import static io.skilldesigner.engine.model.TestModels.px;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.ObjectAttribute;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** The model node runtime: detection, the detector → classifier cascade on crops, whole-frame classification. */
class ModelNodeTest {
    private static final Path WORKSPACE = TestModels.DIR.toAbsolutePath();
    private static final ModelLibrary LIBRARY = ModelLibrary.of(List.of(
            descriptor("det", "yolov5_test.onnx", "rgb_labels.txt", ModelTask.DETECTION),
            descriptor("colour", "colour_classifier_logits.onnx", "colour_labels.txt", ModelTask.CLASSIFICATION),
            descriptor("ball", "demo_ball_detector.onnx", "ball_labels.txt", ModelTask.DETECTION),
            descriptor("demo-colour", "demo_colour_classifier.onnx", "colour_labels.txt", ModelTask.CLASSIFICATION)));

    private ModelRuntimeFactory factory;

    @BeforeEach
    void open() {
        factory = new ModelRuntimeFactory();
    }

    @AfterEach
    void close() {
        factory.close();
    }

    static ModelDescriptor descriptor(String id, String file, String labels, ModelTask task) {
        return new ModelDescriptor(id, id + " model", task, null, FileLocation.local(file), FileLocation.local(labels),
                "", List.of(), null, null, null);
    }

    private static RuntimeContext context(Acceleration acceleration) {
        Skill skill = Skill.empty("s1", "test");
        skill = skill.withBasics(skill.basics().withAcceleration(acceleration));
        return new RuntimeContext(skill, LIBRARY, WORKSPACE, RunIdentity.preview("s1"), ExportMessageListener.NONE,
                NodeStatusListener.NONE, false);
    }

    private NodeRuntime node(String id, Map<String, Object> settings) throws Exception {
        SkillNode n = new SkillNode(id, ModelNode.ID, "", settings, null);
        return factory.create(n, EffectiveSettings.of(new ModelNode(), n), context(Acceleration.CPU));
    }

    private static Map<String, Object> settings(String model, Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put(ModelNode.MODEL, model);
        m.put(ModelNode.CONFIDENCE, 0.5);
        m.put(ModelNode.CONFIDENCE_UPPER, 1.0);
        m.put(ModelNode.CLASSIFY_ON, ModelNode.ON_OBJECTS);
        m.put(ModelNode.CROP_PADDING, 0.1);
        m.put(ModelNode.MIN_CROP_SIZE, 16L);
        m.put(ModelNode.TOP_K, 1L);
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Frame frame(Mat m) {
        return Frame.of(7, 1000, new FrameImage(m));
    }

    @Test
    void detectorAddsObjectsInsideTheConfidenceWindow() throws Exception {
        try (NodeRuntime det = node("n1", settings("det", ModelNode.CONFIDENCE_UPPER, 0.8))) {
            Frame out = det.process(frame(TestModels.frameWithSquare(640, 480, 100, 120, 80, TestModels.RED)));
            // red 0.9 is above the upper bound 0.8; green 0.6 and blue 0.5 are inside [0.5, 0.8]
            assertEquals(List.of("green", "blue"), out.objects().stream().map(DetectedObject::label).toList());
            assertEquals("n1:7:0", out.objects().get(0).inferenceId());
        }
        assertEquals(ProviderChoice.CPU, factory.providerReport("n1").choice().provider());
        assertFalse(factory.providerReport("n1").choice().fellBack());
    }

    @Test
    void classifierAfterDetectorClassifiesEachCrop() throws Exception {
        try (NodeRuntime det = node("det", settings("det"));
             NodeRuntime cls = node("cls", settings("colour", ModelNode.TOP_K, 2L))) {
            Frame out = cls.process(det.process(frame(
                    TestModels.frameWithSquare(640, 480, 100, 120, 80, TestModels.RED))));
            assertEquals(3, out.objects().size(), out.objects().toString());
            DetectedObject red = out.objects().get(0);
            assertBox(px(100, 120, 80, 80, 640, 480), red.bbox(), 1e-4);
            // crop of the red square (+10 % padding, black around): colour (1,0,0) → red e^4/(e^4+1+2e^-4)
            double p = Math.exp(4) / (Math.exp(4) + 1 + 2 * Math.exp(-4));
            assertEquals(1, red.attributes().size(), "top 2, but the second (yellow 0.018) is below 0.5");
            ObjectAttribute a = red.attributes().get(0);
            assertEquals("colour model", a.name());
            assertEquals("red", a.label());
            assertEquals(p, a.confidence(), 1e-4, "resizing the crop blends the square's edge with black");
            // the constant boxes lie on black: no colour, all classes ~1/3, below the 0.5 threshold
            assertTrue(out.objects().get(1).attributes().isEmpty(), out.objects().get(1).toString());
            assertTrue(out.objects().get(2).attributes().isEmpty());
        }
    }

    @Test
    void smallObjectsAreNotClassified() throws Exception {
        try (NodeRuntime cls = node("cls", settings("colour", ModelNode.MIN_CROP_SIZE, 200L))) {
            Frame in = frame(TestModels.frameWithSquare(640, 480, 100, 120, 80, TestModels.RED))
                    .withObjects(List.of(DetectedObject.of("thing", 0.9f, px(100, 120, 80, 80, 640, 480))));
            Frame out = cls.process(in);
            assertTrue(out.objects().get(0).attributes().isEmpty(), "88 px crop is under 200 px");
        }
    }

    @Test
    void classifyOnFrameAddsAWholeFrameObject() throws Exception {
        try (NodeRuntime cls = node("cls", settings("colour", ModelNode.CLASSIFY_ON, ModelNode.ON_FRAME))) {
            Frame out = cls.process(frame(TestModels.solid(320, 240, TestModels.BLUE)));
            assertEquals(1, out.objects().size());
            DetectedObject o = out.objects().get(0);
            assertEquals("blue", o.label());
            assertEquals(new BBox(0, 0, 1, 1), o.bbox());
            assertEquals("blue", o.attributes().get(0).label());
        }
    }

    @Test
    void classifyOnObjectsWithoutObjectsLeavesTheFrame() throws Exception {
        try (NodeRuntime cls = node("cls", settings("colour"))) {
            Frame in = frame(TestModels.solid(320, 240, TestModels.BLUE));
            assertSame(in, cls.process(in));
        }
    }

    @Test
    void demoDetectorAndClassifierFindTheYellowBall() throws Exception {
        try (NodeRuntime det = node("ball", settings("ball"));
             NodeRuntime cls = node("colour", settings("demo-colour"))) {
            Frame out = cls.process(det.process(frame(TestModels.frameWithBall(1280, 720, 900, 300, 60,
                    TestModels.YELLOW))));
            assertEquals(1, out.objects().size(), out.objects().toString());
            DetectedObject ball = out.objects().get(0);
            assertEquals("ball", ball.label());
            assertEquals(1.0f, ball.confidence(), 1e-6);
            assertBox(px(840, 240, 121, 121, 1280, 720), ball.bbox(), 0.006);
            assertEquals("yellow", ball.attributes().get(0).label());
        }
    }

    /** The app's demo video colours (BGR, not pure), anti-aliased on grey, through lossy JPEG like a video. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"40,40,220,red", "40,200,40,green", "220,60,40,blue",
            "30,210,230,yellow"})
    void demoModelsOnCompressedDemoLikeFrames(int b, int g, int r, String colour) throws Exception {
        Mat frame = TestModels.frameWithBall(640, 360, 200, 150, 40, new org.bytedeco.opencv.opencv_core.Scalar(b, g, r, 0));
        org.bytedeco.javacpp.BytePointer jpeg = new org.bytedeco.javacpp.BytePointer();
        org.bytedeco.opencv.global.opencv_imgcodecs.imencode(".jpg", frame, jpeg,
                new org.bytedeco.javacpp.IntPointer(org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY, 70));
        Mat decoded = org.bytedeco.opencv.global.opencv_imgcodecs.imdecode(new Mat(jpeg),
                org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR);
        try (NodeRuntime det = node("ball", settings("ball"));
             NodeRuntime cls = node("colour", settings("demo-colour"))) {
            Frame out = cls.process(det.process(frame(decoded)));
            assertEquals(1, out.objects().size(), out.objects().toString());
            assertBox(px(160, 110, 81, 81, 640, 360), out.objects().get(0).bbox(), 0.01);
            assertEquals(colour, out.objects().get(0).attributes().get(0).label());
            assertTrue(out.objects().get(0).attributes().get(0).confidence() > 0.8,
                    out.objects().get(0).attributes().toString());
        }
    }

    @Test
    void cudaRequestOnTheCpuBuildFallsBackWithTheReason() throws Exception {
        Map<String, Object> s = settings("det");
        SkillNode n = new SkillNode("gpu", ModelNode.ID, "", s, null);
        try (NodeRuntime r = factory.create(n, EffectiveSettings.of(new ModelNode(), n), context(Acceleration.NVIDIA_DGPU))) {
            assertInstanceOf(ModelDetectorRuntime.class, r);
        }
        ProviderChoice c = factory.providerReport("gpu").choice();
        assertTrue(c.gpuRequested());
        if (ModelSessions.availableProviders().contains(ai.onnxruntime.OrtProvider.CUDA)) {
            return; // GPU build: CUDA or a fallback with the provider's own error, both fine here
        }
        assertEquals(ProviderChoice.CPU, c.provider());
        assertTrue(c.describe().startsWith("requested GPU, running CPU: TensorRT: not in this build; CUDA: not in"
                + " this build"), c.describe());
    }

    @Test
    void unknownModelIdNamesTheNode() {
        ModelException e = assertThrows(ModelException.class, () -> node("n9", settings("nope")));
        assertTrue(e.getMessage().contains("n9") && e.getMessage().contains("'nope'"), e.getMessage());
    }

    @Test
    void sessionsAreSharedPerFile() throws Exception {
        try (NodeRuntime a = node("a", settings("det")); NodeRuntime b = node("b", settings("det"))) {
            assertEquals(1, factory.sessions().openSessions().size());
        }
    }
}
