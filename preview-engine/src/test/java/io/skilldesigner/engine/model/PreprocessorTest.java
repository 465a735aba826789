package io.skilldesigner.engine.model;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtEnvironment;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/** Tensor values the pre-processing writes, for each element type, layout and normalisation. */
class PreprocessorTest {
    private static final OrtEnvironment ENV = OrtEnvironment.getEnvironment();
    /** BGR (10, 20, 30) everywhere. */
    private static final Scalar PIXEL = new Scalar(10, 20, 30, 0);

    private static DecoderSettings settings(int w, int h, boolean letterbox, boolean rgb, boolean nchw, double scale,
                                            List<Double> mean, List<Double> std) {
        return new DecoderSettings(OutputLayout.YOLOV5, w, h, letterbox, rgb, nchw, scale, mean, std, 0.25, 0.45,
                100, null);
    }

    @Test
    void nchwRgbWithPerChannelMeanAndStd() throws Exception {
        DecoderSettings s = settings(4, 2, false, true, true, 1 / 255.0, List.of(0.1, 0.2, 0.3), List.of(0.5, 0.25, 2.0));
        try (Preprocessor p = new Preprocessor(s, Preprocessor.ElementType.FLOAT, ENV)) {
            InputTransform t = p.prepare(new Mat(6, 12, CV_8UC3, PIXEL));
            assertEquals(new InputTransform(12, 6, 4, 2, 4 / 12.0, 2 / 6.0, 0, 0), t);
            FloatBuffer f = p.tensor().getFloatBuffer();
            assertEquals(24, f.remaining());
            // model channel 0 = R = 30
            assertEquals((30 / 255.0 - 0.1) / 0.5, f.get(0), 1e-6);
            assertEquals((20 / 255.0 - 0.2) / 0.25, f.get(8), 1e-6);
            assertEquals((10 / 255.0 - 0.3) / 2.0, f.get(16), 1e-6);
        }
    }

    @Test
    void nhwcBgrPerChannelGoesThroughSplitAndMerge() throws Exception {
        DecoderSettings s = settings(3, 3, false, false, false, 1, List.of(1.0, 2.0, 3.0), List.of(1.0, 2.0, 4.0));
        try (Preprocessor p = new Preprocessor(s, Preprocessor.ElementType.FLOAT, ENV)) {
            p.prepare(new Mat(3, 3, CV_8UC3, PIXEL));
            FloatBuffer f = p.tensor().getFloatBuffer();
            for (int px = 0; px < 9; px++) {
                assertEquals(9, f.get(px * 3), 1e-6);
                assertEquals(9, f.get(px * 3 + 1), 1e-6);
                assertEquals(6.75, f.get(px * 3 + 2), 1e-6);
            }
        }
    }

    @Test
    void float16AndUint8() throws Exception {
        DecoderSettings half = settings(2, 2, false, true, true, 1 / 255.0, null, null);
        try (Preprocessor p = new Preprocessor(half, Preprocessor.ElementType.FLOAT16, ENV)) {
            p.prepare(new Mat(2, 2, CV_8UC3, PIXEL));
            FloatBuffer f = p.tensor().getFloatBuffer(); // widened by ONNX Runtime
            assertEquals(30 / 255.0, f.get(0), 1e-3);
            assertEquals(10 / 255.0, f.get(8), 1e-3);
        }
        DecoderSettings raw = settings(2, 2, false, true, false, 1, null, null);
        try (Preprocessor p = new Preprocessor(raw, Preprocessor.ElementType.UINT8, ENV)) {
            p.prepare(new Mat(2, 2, CV_8UC3, PIXEL));
            ByteBuffer b = p.tensor().getByteBuffer();
            assertEquals(30, b.get(0));
            assertEquals(20, b.get(1));
            assertEquals(10, b.get(2));
        }
    }

    @Test
    void letterboxPadsWithGreyAndMapsBack() throws Exception {
        DecoderSettings s = settings(8, 8, true, true, true, 1, null, null);
        try (Preprocessor p = new Preprocessor(s, Preprocessor.ElementType.FLOAT, ENV)) {
            InputTransform t = p.prepare(new Mat(4, 8, CV_8UC3, PIXEL)); // 8x4 → 8x4 plus 2 rows top and bottom
            assertEquals(2.0, t.padY());
            assertEquals(0.0, t.padX());
            FloatBuffer f = p.tensor().getFloatBuffer();
            assertEquals(114, f.get(0), 1e-6, "top bar");
            assertEquals(30, f.get(2 * 8), 1e-6, "first image row, R");
            assertEquals(114, f.get(7 * 8), 1e-6, "bottom bar");
            TestModels.assertBox(new io.skilldesigner.engine.frame.BBox(0.25f, 0f, 0.5f, 1f),
                    t.toSource(2, 2, 6, 6), 1e-6);
        }
    }

    @Test
    void letterboxBarsSurviveFramesOfOtherShapes() throws Exception {
        DecoderSettings s = settings(8, 8, true, false, true, 1 / 255.0, null, List.of(0.5, 0.5, 0.5));
        try (Preprocessor p = new Preprocessor(s, Preprocessor.ElementType.FLOAT, ENV)) {
            p.prepare(new Mat(4, 8, CV_8UC3, PIXEL));
            p.prepare(new Mat(8, 8, CV_8UC3, new Scalar(200, 200, 200, 0))); // fills the whole tensor
            p.prepare(new Mat(8, 4, CV_8UC3, PIXEL)); // bars left and right now
            p.prepare(new Mat(4, 8, CV_8UC3, PIXEL)); // bars top and bottom again
            FloatBuffer f = p.tensor().getFloatBuffer();
            float grey = (float) (114 / 255.0 / 0.5);
            for (int c = 0; c < 3; c++) {
                assertEquals(grey, f.get(c * 64), 1e-6, "top bar, channel " + c);
                assertEquals(grey, f.get(c * 64 + 63), 1e-6, "bottom bar, channel " + c);
                assertEquals(new double[] {10, 20, 30}[c] / 255.0 / 0.5, f.get(c * 64 + 2 * 8), 1e-6, "image row");
            }
        }
        DecoderSettings half = settings(4, 4, true, true, true, 1 / 255.0, null, null);
        try (Preprocessor p = new Preprocessor(half, Preprocessor.ElementType.FLOAT16, ENV)) {
            p.prepare(new Mat(2, 4, CV_8UC3, PIXEL));
            assertEquals(114 / 255.0, p.tensor().getFloatBuffer().get(0), 1e-3, "float16 bar");
        }
        DecoderSettings bytes = settings(4, 4, true, true, true, 1, null, null);
        try (Preprocessor p = new Preprocessor(bytes, Preprocessor.ElementType.UINT8, ENV)) {
            p.prepare(new Mat(2, 4, CV_8UC3, PIXEL));
            assertEquals(114, p.tensor().getByteBuffer().get(0) & 0xff, "uint8 bar");
            assertEquals(30, p.tensor().getByteBuffer().get(4) & 0xff, "uint8 image, R first");
        }
    }

    @Test
    void buffersAreReusedAcrossFrames() throws Exception {
        DecoderSettings s = settings(2, 2, false, false, true, 1, null, null);
        try (Preprocessor p = new Preprocessor(s, Preprocessor.ElementType.FLOAT, ENV)) {
            p.prepare(new Mat(2, 2, CV_8UC3, PIXEL));
            var tensor = p.tensor();
            p.prepare(new Mat(5, 5, CV_8UC3, new Scalar(1, 2, 3, 0)));
            assertEquals(tensor, p.tensor());
            assertEquals(1, p.tensor().getFloatBuffer().get(0), 1e-6, "same tensor, new values");
        }
    }

    private static DecoderSettings fitted(int w, int h, io.skilldesigner.core.model.Fit fit, double crop) {
        return new DecoderSettings(OutputLayout.CLASSIFICATION, w, h, fit, false, true, 1, null, null, 0, 0.45, 5,
                null, crop, null);
    }

    @Test
    void centreCropCutsTheSidesAfterResizingTheShorterSide() throws Exception {
        // 40x20: white left quarter, black middle, white right quarter; shorter side 20 -> 8 / 0.5 = 16 (32x16),
        // the centre 8x8 is all black
        Mat m = new Mat(20, 40, CV_8UC3, new Scalar(0, 0, 0, 0));
        org.bytedeco.opencv.global.opencv_imgproc.rectangle(m, new org.bytedeco.opencv.opencv_core.Rect(0, 0, 10, 20),
                new Scalar(255, 255, 255, 0), -1, 8, 0);
        org.bytedeco.opencv.global.opencv_imgproc.rectangle(m, new org.bytedeco.opencv.opencv_core.Rect(30, 0, 10, 20),
                new Scalar(255, 255, 255, 0), -1, 8, 0);
        try (Preprocessor p = new Preprocessor(fitted(8, 8, io.skilldesigner.core.model.Fit.CENTER_CROP, 0.5),
                Preprocessor.ElementType.FLOAT, ENV)) {
            InputTransform t = p.prepare(m);
            assertEquals(-12, t.padX(), 1e-9, "32 wide, 8 cut from the centre: 12 left of it");
            FloatBuffer f = p.tensor().getFloatBuffer();
            for (int i = 0; i < f.remaining(); i++) {
                assertEquals(0, f.get(i), 1e-6, "only the black middle is left, value " + i);
            }
        }
    }

    @Test
    void padKeepsPixelsAndFillsZerosRightAndBottom() throws Exception {
        try (Preprocessor p = new Preprocessor(fitted(8, 8, io.skilldesigner.core.model.Fit.PAD, 0.875),
                Preprocessor.ElementType.FLOAT, ENV)) {
            InputTransform t = p.prepare(new Mat(5, 6, CV_8UC3, PIXEL));
            assertEquals(new InputTransform(6, 5, 8, 8, 1, 1, 0, 0), t);
            FloatBuffer f = p.tensor().getFloatBuffer();
            assertEquals(10, f.get(0), 1e-6, "B at (0,0), no resize");
            assertEquals(10, f.get(4 * 8 + 5), 1e-6, "B at (5,4), the last image pixel");
            assertEquals(0, f.get(4 * 8 + 6), 1e-6, "zero padding right");
            assertEquals(0, f.get(5 * 8), 1e-6, "zero padding below");
        }
    }

    @Test
    void topLeftLetterboxPadsGreyRightAndBottom() throws Exception {
        try (Preprocessor p = new Preprocessor(fitted(8, 8, io.skilldesigner.core.model.Fit.LETTERBOX_TOP_LEFT, 0.875),
                Preprocessor.ElementType.FLOAT, ENV)) {
            InputTransform t = p.prepare(new Mat(8, 16, CV_8UC3, PIXEL));
            assertEquals(new InputTransform(16, 8, 8, 8, 0.5, 0.5, 0, 0), t);
            FloatBuffer f = p.tensor().getFloatBuffer();
            assertEquals(10, f.get(0), 1e-6, "image at the top-left");
            assertEquals(114, f.get(7 * 8), 1e-6, "grey below the 8x4 image");
        }
    }
}
