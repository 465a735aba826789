package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * Real pretrained models from ../shared/models on real photos. Face counts were checked by drawing the boxes
 * on the photos and looking at them: 2.jpg has 4 faces, 9.jpg 8 children, 6.jpg 14 people, 1.jpg is a crowd
 * (UltraFace finds 46 at 320 and 52 at 640).
 * <p>
 * SqueezeNet 1.1 (Caffe2 export): BGR channel order, raw 0..255 values, no mean/std, plain resize (what the
 * Windows ML samples feed, and what {@link DecoderDefaults} proposes for input {@code data_0}). Measured: kitten →
 * tabby 0.93, fish → tench 0.74. RGB 0..255 gives tabby 0.95 / barracouta 0.61 (still right classes, lower fish
 * score); torchvision's normalisation (RGB /255, ImageNet mean/std) gives garbage (mosquito net).
 */
class RealModelsTest {
    private static final Path MODELS = TestModels.shared().resolve("models");
    private static final Path MEDIA = TestModels.shared().resolve("media");
    private static final Set<Integer> CATS = Set.of(281, 282, 285); // tabby, tiger cat, Egyptian cat
    private static final Set<Integer> FISH = Set.of(0, 1, 2, 3, 4, 389, 390, 391, 392, 393, 394, 395, 396, 397);
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions();
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    private static List<DetectedObject> faces(String size, String image) {
        try (ModelRunner r = ModelRunner.load(sessions,
                ModelSpec.of(MODELS.resolve("ultraface/version-RFB-" + size + ".onnx"), null));
             Mat bgr = ModelTryOut.read(MEDIA.resolve("faces/" + image))) {
            assertEquals(OutputLayout.ULTRAFACE, r.layout());
            List<DetectedObject> found = r.detect(bgr);
            for (DetectedObject f : found) {
                assertEquals("face", f.label());
                assertTrue(f.confidence() >= 0.7f, f.toString());
                double aspect = f.bbox().h() * bgr.rows() / (f.bbox().w() * bgr.cols());
                assertTrue(aspect > 0.9 && aspect < 1.9, "a face box is upright, about 1.2-1.4 tall per wide: " + f);
            }
            return found;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"320", "640"})
    void ultraFaceFindsTheFourNurses(String size) {
        List<DetectedObject> found = faces(size, "2.jpg");
        assertEquals(4, found.size(), found.toString());
        // faces centred at about x = 180, 355, 600, 770 and y = 160..200 of 1024x484
        List<Float> xs = found.stream().map(f -> f.bbox().centerX()).sorted().toList();
        double[] expected = {180 / 1024.0, 355 / 1024.0, 600 / 1024.0, 770 / 1024.0};
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], xs.get(i), 0.03, "face " + i + " centre x");
        }
        for (DetectedObject f : found) {
            assertEquals(0.36, f.bbox().centerY(), 0.08, "faces are in the upper half: " + f);
            assertEquals(0.095, f.bbox().w(), 0.03, "face width about 95 px of 1024: " + f);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"320", "640"})
    void ultraFaceCountsOnGroupPhotos(String size) {
        assertEquals(8, faces(size, "9.jpg").size(), "eight children");
        int staff = faces(size, "6.jpg").size();
        assertTrue(staff >= 13 && staff <= 15, "14 people on the steps, found " + staff);
        int crowd = faces(size, "1.jpg").size();
        assertTrue(crowd >= 40 && crowd <= 60, "crowd of about 50 small faces, found " + crowd);
    }

    private static List<ClassScore> classify(String model, String image) {
        return new ModelTryOut(sessions).run(ModelSpec.of(MODELS.resolve("squeezenet/" + model),
                MODELS.resolve("squeezenet/labels.txt")), MEDIA.resolve("imagenet/" + image), 3).classes();
    }

    @ParameterizedTest
    @ValueSource(strings = {"squeezenet1.1-fp32.onnx", "squeezenet1.1-fp16.onnx"})
    void squeezeNetKittenIsACat(String model) {
        List<ClassScore> top = classify(model, "kitten_224.png");
        assertTrue(CATS.contains(top.get(0).index()), "top class " + top.get(0));
        assertTrue(top.get(0).label().startsWith("tabby"), top.get(0).label());
        assertTrue(top.get(0).score() > 0.8, "confident: " + top);
        assertTrue(top.get(0).score() >= top.get(1).score(), "sorted");
    }

    @ParameterizedTest
    @ValueSource(strings = {"squeezenet1.1-fp32.onnx", "squeezenet1.1-fp16.onnx"})
    void squeezeNetFishIsAFish(String model) {
        List<ClassScore> top = classify(model, "fish.png");
        assertTrue(FISH.contains(top.get(0).index()), "top class " + top.get(0));
        assertTrue(FISH.contains(top.get(1).index()), "second class " + top.get(1));
        assertTrue(top.get(0).score() + top.get(1).score() > 0.9, top.toString());
    }

    @org.junit.jupiter.api.Test
    void squeezeNetFp16MatchesFp32() {
        List<ClassScore> a = classify("squeezenet1.1-fp32.onnx", "kitten_224.png");
        List<ClassScore> b = classify("squeezenet1.1-fp16.onnx", "kitten_224.png");
        for (int i = 0; i < 3; i++) {
            assertEquals(a.get(i).index(), b.get(i).index());
            assertEquals(a.get(i).score(), b.get(i).score(), 0.005);
        }
    }

    @org.junit.jupiter.api.Test
    void imageNetNormalisationIsWrongForThisExport() {
        // documents why the default for this export is BGR 0..255: the usual torchvision preset misclassifies
        DecoderSettings torchvision = new DecoderSettings(OutputLayout.CLASSIFICATION, 224, 224, false, true, true,
                1 / 255.0, List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225), 0, 0.45, 5, null);
        List<ClassScore> top = new ModelTryOut(sessions).run(ModelSpec.of(MODELS.resolve("squeezenet/squeezenet1.1-fp32.onnx"),
                MODELS.resolve("squeezenet/labels.txt")).withDecoder(torchvision), MEDIA.resolve("imagenet/kitten_224.png"), 1)
                .classes();
        assertTrue(!CATS.contains(top.get(0).index()), "unexpectedly right: " + top);
        assertTrue(top.stream().max(Comparator.comparingDouble(ClassScore::score)).orElseThrow().score() < 0.5);
    }
}
