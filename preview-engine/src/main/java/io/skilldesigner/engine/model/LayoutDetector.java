package io.skilldesigner.engine.model;

import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/** Recognises a model's output layout from the shapes (and names) of its outputs. */
public final class LayoutDetector {
    private LayoutDetector() {
    }

    public static LayoutGuess detect(List<TensorInfo> inputs, List<TensorInfo> outputs) {
        if (outputs.isEmpty()) {
            return LayoutGuess.unknown("the model has no outputs");
        }
        if (outputs.size() == 2) {
            LayoutGuess uf = ultraFace(outputs);
            if (uf != null) {
                return uf;
            }
        }
        if (outputs.size() == 3 || outputs.size() == 4) {
            LayoutGuess ssd = ssd(outputs);
            if (ssd != null) {
                return ssd;
            }
        }
        LayoutGuess single = single(inputs, outputs.get(0));
        if (outputs.size() > 1 && single.layout() != null) {
            return new LayoutGuess(single.layout(), single.confidence() * 0.8,
                    single.evidence() + "; the other " + (outputs.size() - 1) + " output(s) are ignored");
        }
        return single;
    }

    private static LayoutGuess ultraFace(List<TensorInfo> outputs) {
        TensorInfo scores = null;
        TensorInfo boxes = null;
        for (TensorInfo t : outputs) {
            List<Long> s = t.shape();
            if (s.size() == 3 && s.get(2) == 2) {
                scores = t;
            } else if (s.size() == 3 && s.get(2) == 4) {
                boxes = t;
            }
        }
        if (scores == null || boxes == null || !sameOrDynamic(scores.shape().get(1), boxes.shape().get(1))) {
            return null;
        }
        boolean named = lower(scores.name()).contains("score") && lower(boxes.name()).contains("box");
        return new LayoutGuess(OutputLayout.ULTRAFACE, named ? 0.95 : 0.85,
                "two outputs: '" + scores.name() + "' " + scores.shape() + " (background/face scores) and '"
                        + boxes.name() + "' " + boxes.shape() + " (corner boxes) with the same N"
                        + (named ? ", named scores/boxes" : ""));
    }

    private static LayoutGuess ssd(List<TensorInfo> outputs) {
        TensorInfo boxes = null;
        int perDetection = 0;
        int counts = 0;
        for (TensorInfo t : outputs) {
            List<Long> s = t.shape();
            if (s.size() == 3 && s.get(2) == 4) {
                boxes = t;
            } else if (s.size() == 2) {
                perDetection++;
            } else if (s.size() == 1) {
                counts++;
            }
        }
        if (boxes == null || perDetection != 2 || counts > 1) {
            return null;
        }
        return new LayoutGuess(OutputLayout.SSD, counts == 1 ? 0.9 : 0.75,
                "'" + boxes.name() + "' " + boxes.shape() + " boxes, two [1,N] outputs (scores, classes)"
                        + (counts == 1 ? " and a detection count" : "") + " (TensorFlow SSD style)");
    }

    private static LayoutGuess single(List<TensorInfo> inputs, TensorInfo out) {
        List<Long> s = out.shape();
        String what = "output '" + out.name() + "' " + s;
        if (s.size() == 2) {
            return new LayoutGuess(OutputLayout.CLASSIFICATION, 0.9, what + ": one score per class, C=" + s.get(1));
        }
        if (s.size() == 4) {
            long k = s.get(1);
            if (s.get(2) == 1 && s.get(3) == 1) {
                return new LayoutGuess(OutputLayout.CLASSIFICATION, 0.9,
                        what + ": [1,C,1,1] class scores, C=" + k);
            }
            if (k > 0 && k % 5 == 0 && k / 5 > 5) {
                return new LayoutGuess(OutputLayout.YOLO_GRID, 0.85, what + ": grid " + s.get(2) + "x" + s.get(3)
                        + " with " + k + " = 5 anchors x (5 + " + (k / 5 - 5) + " classes) channels"
                        + " (Tiny-YOLOv2 / Custom Vision)");
            }
            if (k > 0 && k % 3 == 0 && k / 3 > 5) {
                return new LayoutGuess(OutputLayout.YOLO_GRID, 0.6, what + ": grid with " + k
                        + " = 3 anchors x (5 + " + (k / 3 - 5) + ") channels; set the anchors by hand");
            }
            return LayoutGuess.unknown(what + ": a 4-d output that is neither [1,C,1,1] nor an anchor grid");
        }
        if (s.size() == 3) {
            return rank3(inputs, what, s.get(1), s.get(2));
        }
        return LayoutGuess.unknown(what + ": no known layout has this rank");
    }

    private static LayoutGuess rank3(List<TensorInfo> inputs, String what, long a, long b) {
        long[] hw = inputSize(inputs);
        long v5 = hw == null ? -2 : 3 * gridCells(hw);
        long v8 = hw == null ? -2 : gridCells(hw);
        if (b == 6 && (a > 6 || a < 0)) {
            if (a == v5) {
                return new LayoutGuess(OutputLayout.YOLOV5, 0.6, what + ": N=" + a + " matches YOLOv5's anchor"
                        + " count for this input size, so one class; could also be [N, x1,y1,x2,y2,score,class]");
            }
            return new LayoutGuess(OutputLayout.NMS_INCLUDED, 0.7, what + ": rows of 6 values"
                    + " (x1, y1, x2, y2, score, class): NMS done inside the model");
        }
        if ((a > b || a < 0) && b > 5) {
            boolean match = a == v5;
            return new LayoutGuess(OutputLayout.YOLOV5, match ? 0.95 : 0.85, what + ": N rows of 5 + C values,"
                    + " C=" + (b - 5) + (match ? ", N=" + a + " matches YOLOv5's anchor count" : ""));
        }
        if ((a < b || b < 0) && a > 4) {
            boolean match = b == v8;
            return new LayoutGuess(OutputLayout.YOLOV8, match ? 0.95 : 0.85, what + ": 4 + C channels by N"
                    + " candidates, C=" + (a - 4) + (match ? ", N=" + b + " matches YOLOv8's grid cell count" : ""));
        }
        return LayoutGuess.unknown(what + ": a 3-d output too narrow for YOLO (needs more than 5 values a row)");
    }

    /** Cells of strides 8, 16, 32 for an input of h x w. */
    private static long gridCells(long[] hw) {
        long n = 0;
        for (int stride : new int[] {8, 16, 32}) {
            n += (hw[0] / stride) * (hw[1] / stride);
        }
        return n;
    }

    /** Height and width of the first image-like input, or null when dynamic. */
    static long[] inputSize(List<TensorInfo> inputs) {
        if (inputs.isEmpty() || inputs.get(0).shape().size() != 4) {
            return null;
        }
        List<Long> s = inputs.get(0).shape();
        boolean nhwc = isChannels(s.get(3)) && !isChannels(s.get(1));
        long h = nhwc ? s.get(1) : s.get(2);
        long w = nhwc ? s.get(2) : s.get(3);
        return h > 0 && w > 0 ? new long[] {h, w} : null;
    }

    static boolean isChannels(long d) {
        return d == 1 || d == 3;
    }

    private static boolean sameOrDynamic(long x, long y) {
        return x == y || x < 0 || y < 0;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
