package io.skilldesigner.engine.model;

import static io.skilldesigner.engine.model.TestModels.model;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.skilldesigner.core.model.OutputLayout;

/** The generated colour classifiers: logits (softmax applied), NHWC uint8 input with [1,C,1,1] output, float16. */
class ClassifiersTest {
    private static ModelSessions sessions;

    @BeforeAll
    static void open() {
        sessions = new ModelSessions(new SessionSettings(1, 1));
    }

    @AfterAll
    static void close() {
        sessions.close();
    }

    /** logit_c = 4 (2 x·p_c − |p_c|²) for prototypes red, green, blue, yellow; x = (1, 1, 0) for yellow. */
    private static double[] expectedYellow() {
        double[] logits = {4 * (2 * 1 - 1), 4 * (2 * 1 - 1), 4 * (0 - 1), 4 * (2 * 2 - 2)};
        double sum = 0;
        for (double l : logits) {
            sum += Math.exp(l);
        }
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = Math.exp(logits[i]) / sum;
        }
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour_classifier_logits.onnx", "colour_classifier_nhwc_u8.onnx",
            "colour_classifier_fp16.onnx", "demo_colour_classifier.onnx"})
    void yellowFrameIsYellowWithExactProbabilities(String file) {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model(file), model("colour_labels.txt")))) {
            assertEquals(OutputLayout.CLASSIFICATION, r.layout());
            List<ClassScore> top = r.classify(TestModels.solid(100, 80, TestModels.YELLOW), 4);
            double[] p = expectedYellow();
            double tol = file.contains("fp16") ? 2e-3 : 1e-5;
            assertEquals("yellow", top.get(0).label());
            assertEquals(p[3], top.get(0).score(), tol);
            assertEquals(List.of("yellow", "red", "green", "blue").subList(3, 4), List.of(top.get(3).label()));
            assertEquals(p[2], top.get(3).score(), tol);
            assertEquals(1.0, top.stream().mapToDouble(ClassScore::score).sum(), 1e-3);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"colour_classifier_logits.onnx", "colour_classifier_nhwc_u8.onnx",
            "colour_classifier_fp16.onnx"})
    void channelOrderIsRespected(String file) {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model(file), model("colour_labels.txt")))) {
            assertEquals("red", r.classify(TestModels.solid(64, 64, TestModels.RED), 1).get(0).label());
            assertEquals("blue", r.classify(TestModels.solid(64, 64, TestModels.BLUE), 1).get(0).label());
            assertEquals("green", r.classify(TestModels.solid(64, 64, TestModels.GREEN), 1).get(0).label());
        }
    }
}
