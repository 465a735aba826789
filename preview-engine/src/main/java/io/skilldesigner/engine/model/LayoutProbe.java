package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.Fit;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;

/**
 * Runs a model on probe images and judges each candidate layout by what its decoder makes of the real outputs:
 * every row decoded (no threshold) must give a finite box with positive size whose centre lies in the input and
 * whose size is at most twice the input, and scores must be in 0..1; the rows of a dense head (one per cell or
 * prior) must spread over the image (YOLOX's cell offsets read as YOLOv5 pixels all sit in the top-left corner). Layouts that read box offsets against
 * priors are also rejected when the "offsets" are all in 0..1 like already decoded corners. A candidate is
 * plausible when at least {@value #MIN_VALID} of the rows pass on every probe image.
 */
public final class LayoutProbe {
    static final double MIN_VALID = 0.9;
    /** From this many rows on, a head is dense (one row per cell or prior) and its centres must span the image. */
    static final int DENSE_ROWS = 100;
    static final float CORNER = 0.1f;

    /**
     * What the probe found for one layout.
     *
     * @param validFraction  worst share of rows with a plausible box over the probe images
     * @param spread         the rows' centres spread over the image (dense heads)
     * @param scoresInRange  all scores in 0..1
     * @param cornersLike    (prior layouts) the box output looks like decoded corners, not offsets
     * @param error          the decoder refused the outputs (then not plausible), else empty
     */
    public record Finding(OutputLayout layout, double validFraction, boolean spread, boolean scoresInRange,
                          boolean cornersLike, String error) {
        public boolean plausible() {
            return error.isEmpty() && validFraction >= MIN_VALID && spread && scoresInRange && !cornersLike;
        }

        public String summary() {
            if (!error.isEmpty()) {
                return error;
            }
            return String.format(Locale.ROOT, "%.0f%% of decoded rows are valid boxes%s%s%s", validFraction * 100,
                    spread ? "" : ", but their centres do not spread over the image (cell offsets, not positions)",
                    scoresInRange ? "" : ", scores outside 0..1",
                    cornersLike ? ", box values all in 0..1 (already decoded corners, not offsets)" : "");
        }
    }

    private LayoutProbe() {
    }

    /** Probes each detection candidate on the images (BGR); classification candidates are not probed. */
    public static List<Finding> run(ModelSession session, ModelIo io, List<LayoutGuess> candidates,
                                    Map<String, String> metadata, List<Mat> images) {
        List<Finding> out = new ArrayList<>();
        if (io.inputs().size() != 1) {
            return out;
        }
        Preprocessor.ElementType type;
        try {
            type = Preprocessor.ElementType.of(io.inputs().get(0).elementType());
        } catch (IllegalArgumentException e) {
            return out; // the runner reports the input type when the model is loaded
        }
        for (LayoutGuess g : candidates) {
            if (g.layout() != null && g.layout() != OutputLayout.CLASSIFICATION) {
                out.add(probe(session, io, g.layout(), metadata, images, type));
            }
        }
        return out;
    }

    private static Finding probe(ModelSession session, ModelIo io, OutputLayout layout, Map<String, String> md,
                                 List<Mat> images, Preprocessor.ElementType type) {
        DecoderSettings base = DecoderDefaults.propose(io, layout, md);
        DetectionDecoder decoder = DetectionDecoder.forLayout(layout);
        double worst = 1;
        boolean inRange = true;
        boolean corners = false;
        boolean spread = true;
        for (Mat img : images) {
            DecoderSettings s = base.fit() == Fit.PAD ? base.withInputSize(pad32(img.cols()), pad32(img.rows())) : base;
            s = s.withScoreThreshold(Double.NEGATIVE_INFINITY);
            try (Preprocessor pre = new Preprocessor(s, type, session.environment())) {
                pre.prepare(img);
                try (OrtSession.Result r = session.session().run(Map.of(io.inputs().get(0).name(), pre.tensor()))) {
                    List<OutputTensor> outs = OutputTensor.all(r);
                    List<Detection> rows = decoder.candidates(outs, s);
                    worst = Math.min(worst, validShare(rows, s));
                    spread &= spreads(rows, s);
                    inRange &= rows.stream().allMatch(d -> d.score() >= 0 && d.score() <= 1.0001f);
                    if (layout == OutputLayout.ULTRAFACE_RAW || layout == OutputLayout.RETINAFACE) {
                        corners |= cornersLike(outs);
                    }
                }
            } catch (OrtException | RuntimeException e) {
                return new Finding(layout, 0, false, false, false, "cannot decode: " + ModelSessions.firstLine(e));
            }
        }
        return new Finding(layout, worst, spread, inRange, corners, "");
    }

    /**
     * A dense head's rows cover the image; when every centre sits within {@value #CORNER} of the input's size from
     * its top-left corner the numbers are cell offsets, not positions (false then).
     */
    static boolean spreads(List<Detection> rows, DecoderSettings s) {
        if (rows.size() < DENSE_ROWS) {
            return true;
        }
        float minX = Float.MAX_VALUE;
        float maxX = -Float.MAX_VALUE;
        float minY = Float.MAX_VALUE;
        float maxY = -Float.MAX_VALUE;
        for (Detection d : rows) {
            float cx = (d.x1() + d.x2()) / 2;
            float cy = (d.y1() + d.y2()) / 2;
            if (Float.isFinite(cx) && Float.isFinite(cy)) {
                minX = Math.min(minX, cx);
                maxX = Math.max(maxX, cx);
                minY = Math.min(minY, cy);
                maxY = Math.max(maxY, cy);
            }
        }
        return maxX >= CORNER * s.inputWidth() || maxY >= CORNER * s.inputHeight();
    }

    /** Share of rows (all-zero padding rows left out) with a plausible box in a w x h input. */
    static double validShare(List<Detection> rows, DecoderSettings s) {
        float w = s.inputWidth();
        float h = s.inputHeight();
        int counted = 0;
        int valid = 0;
        for (Detection d : rows) {
            if (d.x1() == 0 && d.y1() == 0 && d.x2() == 0 && d.y2() == 0) {
                continue;
            }
            counted++;
            float cx = (d.x1() + d.x2()) / 2;
            float cy = (d.y1() + d.y2()) / 2;
            if (d.valid() && cx >= -0.05f * w && cx <= 1.05f * w && cy >= -0.05f * h && cy <= 1.05f * h
                    && d.x2() - d.x1() <= 2 * w && d.y2() - d.y1() <= 2 * h) {
                valid++;
            }
        }
        return counted == 0 ? 1 : valid / (double) counted;
    }

    /** The [1,N,4] output has (nearly) all values in 0..1 and x2 > x1: corners, not signed offsets. */
    private static boolean cornersLike(List<OutputTensor> outs) {
        for (OutputTensor t : outs) {
            if (t.shape().length == 3 && t.dim(2) == 4 && !t.name().toLowerCase(Locale.ROOT).contains("score")) {
                int n = (int) t.dim(1);
                int ordered = 0;
                int unit = 0;
                for (int i = 0; i < n; i++) {
                    int o = i * 4;
                    if (t.get(o + 2) > t.get(o) && t.get(o + 3) > t.get(o + 1)) {
                        ordered++;
                    }
                    boolean in = true;
                    for (int k = 0; k < 4; k++) {
                        float v = t.get(o + k);
                        in &= v >= -0.05f && v <= 1.05f;
                    }
                    if (in) {
                        unit++;
                    }
                }
                return n > 0 && ordered >= 0.95 * n && unit >= 0.95 * n;
            }
        }
        return false;
    }

    static int pad32(int v) {
        return (v + 31) / 32 * 32;
    }
}
