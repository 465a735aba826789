package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/**
 * The layouts a model's outputs could have, from their shapes, names and the class names in the metadata.
 * Shapes alone are often ambiguous (YOLOv5 vs YOLOX vs transposed YOLOv8; decoded vs raw UltraFace), so this
 * lists every candidate with a prior confidence; {@link LayoutProbe} then runs them on probe images and
 * {@link #decide} settles on one, calls it ambiguous, or says why none fits.
 */
public final class LayoutDetector {
    /** What the engine can decode, for "not supported" messages. */
    public static final String SUPPORTED = "YOLOv5 [1,N,5+C]; YOLOv8/11 [1,4+C,N] or [1,N,4+C]; YOLOX raw grid"
            + " [1,N,5+C] (strides 8/16/32); NMS-included [1,N,6], [N,7] or num_dets/boxes/scores/classes;"
            + " TensorFlow SSD boxes/scores/classes/count; UltraFace scores [1,N,C] + boxes [1,N,4] (decoded or raw"
            + " with priors); RetinaFace [1,N,4] + [1,N,2] + [1,N,10]; YuNet cls/obj/bbox/kps per stride;"
            + " Tiny-YOLOv2/Custom Vision grid [1,A*(5+C),H,W]; anchor-free grid [1,5+C,H,W] (FastestDet);"
            + " classification [1,C] or [1,C,1,1]";

    private LayoutDetector() {
    }

    /** The single best guess from shapes alone (no probe): kept for callers without a session. */
    public static LayoutGuess detect(List<TensorInfo> inputs, List<TensorInfo> outputs) {
        return decide(candidates(inputs, outputs, OptionalInt.empty()), List.of());
    }

    /**
     * Every layout the outputs could have.
     *
     * @param namedClasses class count from the model's metadata, when it has names
     * @return candidates, best prior first; a single entry with a null layout says why nothing fits
     */
    public static List<LayoutGuess> candidates(List<TensorInfo> inputs, List<TensorInfo> outputs,
                                               OptionalInt namedClasses) {
        List<LayoutGuess> out = new ArrayList<>();
        if (outputs.isEmpty()) {
            return List.of(LayoutGuess.unknown("the model has no outputs"));
        }
        long[] hw = inputSize(inputs);
        if (yunet(outputs)) {
            out.add(new LayoutGuess(OutputLayout.YUNET, 0.9, outputs.size() + " outputs cls/obj/bbox/kps per stride"
                    + " (rank 3, last dimension 1, 4 or 10): YuNet"));
            return out;
        }
        if (outputs.size() == 3) {
            LayoutGuess retina = retinaFace(outputs, hw);
            if (retina != null) {
                out.add(retina);
                return out;
            }
        }
        if (outputs.size() == 2) {
            ultraFace(outputs, hw, out);
            if (!out.isEmpty()) {
                return out;
            }
        }
        if (outputs.size() == 3 || outputs.size() == 4) {
            LayoutGuess sep = separateOutputs(outputs);
            if (sep != null) {
                out.add(sep);
                return out;
            }
        }
        single(hw, outputs.get(0), namedClasses, out);
        if (outputs.size() > 1) {
            out.replaceAll(g -> g.layout() == null ? g : new LayoutGuess(g.layout(), g.confidence() * 0.8,
                    g.evidence() + "; the other " + (outputs.size() - 1) + " output(s) are ignored"));
        }
        return out;
    }

    /**
     * The verdict from the candidates and, per candidate, the probe's finding (empty when not probed).
     * One plausible candidate wins; several are "ambiguous" (confidence 0.5, the best prior shown first);
     * none gives "not supported" with the reasons.
     */
    public static LayoutGuess decide(List<LayoutGuess> candidates, List<LayoutProbe.Finding> findings) {
        if (candidates.isEmpty() || candidates.get(0).layout() == null) {
            return candidates.isEmpty() ? LayoutGuess.unknown("no known layout fits") : candidates.get(0);
        }
        List<LayoutGuess> plausible = new ArrayList<>();
        StringBuilder rejected = new StringBuilder();
        for (LayoutGuess g : candidates) {
            LayoutProbe.Finding f = findings.stream().filter(x -> x.layout() == g.layout()).findFirst().orElse(null);
            if (f == null || f.plausible()) {
                plausible.add(f == null ? g : new LayoutGuess(g.layout(), g.confidence(), g.evidence() + "; probe: "
                        + f.summary()));
            } else {
                rejected.append(rejected.length() == 0 ? "" : "; ").append(g.layout()).append(" rejected: ")
                        .append(f.summary());
            }
        }
        if (plausible.isEmpty()) {
            return LayoutGuess.unknown("every candidate layout gave implausible results on the probe images: "
                    + rejected);
        }
        String why = rejected.length() == 0 ? "" : "; " + rejected;
        if (plausible.size() == 1) {
            LayoutGuess g = plausible.get(0);
            double c = candidates.size() > 1 ? Math.max(g.confidence(), 0.9) : g.confidence();
            return new LayoutGuess(g.layout(), c, g.evidence() + why);
        }
        StringBuilder names = new StringBuilder();
        plausible.forEach(g -> names.append(names.length() == 0 ? "" : " or ").append(g.layout()));
        LayoutGuess best = plausible.get(0);
        return new LayoutGuess(best.layout(), 0.5, "ambiguous: " + names + " all fit (" + best.evidence() + ")"
                + why + "; " + best.layout() + " is proposed, choose the right one in the decoder settings",
                plausible.stream().map(LayoutGuess::layout).toList());
    }

    private static boolean yunet(List<TensorInfo> outputs) {
        if (outputs.size() < 9 || outputs.size() % 3 != 0) {
            return false;
        }
        int ones = 0;
        int fours = 0;
        for (TensorInfo t : outputs) {
            List<Long> s = t.shape();
            if (s.size() != 3) {
                return false;
            }
            long last = s.get(2);
            if (last == 1) {
                ones++;
            } else if (last == 4) {
                fours++;
            } else if (last != 10) {
                return false;
            }
        }
        return fours == 3 && ones == 6;
    }

    private static LayoutGuess retinaFace(List<TensorInfo> outputs, long[] hw) {
        TensorInfo boxes = lastDim(outputs, 4);
        TensorInfo scores = lastDim(outputs, 2);
        TensorInfo marks = lastDim(outputs, 10);
        if (boxes == null || scores == null || marks == null) {
            return null;
        }
        long n = boxes.shape().get(1);
        long priors = hw == null ? -1 : PriorBoxDecoder.Family.RETINAFACE.count(hw[1], hw[0]);
        if (n > 0 && priors > 0 && n != priors) {
            return LayoutGuess.unknown("outputs like RetinaFace's (boxes, scores, landmarks) but N=" + n
                    + " is not the " + priors + " priors of a " + hw[1] + "x" + hw[0] + " input");
        }
        return new LayoutGuess(OutputLayout.RETINAFACE, 0.9, "box offsets " + boxes.shape() + ", scores "
                + scores.shape() + ", 5 landmarks " + marks.shape() + (n == priors ? ", N = the " + priors
                + " RetinaFace priors of the input size" : "") + ": RetinaFace raw head");
    }

    private static void ultraFace(List<TensorInfo> outputs, long[] hw, List<LayoutGuess> out) {
        TensorInfo boxes = null;
        TensorInfo scores = null;
        for (TensorInfo t : outputs) {
            List<Long> s = t.shape();
            if (s.size() != 3) {
                return;
            }
            boolean boxName = lower(t.name()).contains("box");
            if (s.get(2) == 4 && boxes == null && (boxName || !lower(t.name()).contains("score"))) {
                boxes = t;
            } else if (s.get(2) >= 2 && s.get(2) < 100) {
                scores = t;
            }
        }
        if (scores == null || boxes == null || !sameOrDynamic(scores.shape().get(1), boxes.shape().get(1))) {
            return;
        }
        long n = boxes.shape().get(1);
        long c = scores.shape().get(2);
        String what = "'" + scores.name() + "' " + scores.shape() + " (background + " + (c - 1) + " class scores)"
                + " and '" + boxes.name() + "' " + boxes.shape() + " with the same N";
        out.add(new LayoutGuess(OutputLayout.ULTRAFACE, 0.85, what + ", boxes as decoded corners"));
        long priors = hw == null ? -1 : PriorBoxDecoder.Family.ULTRAFACE.count(hw[1], hw[0]);
        if (priors > 0 && (n == priors || n < 0)) {
            out.add(new LayoutGuess(OutputLayout.ULTRAFACE_RAW, 0.85, what + ", boxes as offsets against the "
                    + priors + " UltraFace priors of the input size"));
        }
    }

    private static LayoutGuess separateOutputs(List<TensorInfo> outputs) {
        TensorInfo boxes = null;
        int perDetection = 0;
        int counts = 0;
        boolean nmsNames = false;
        for (TensorInfo t : outputs) {
            List<Long> s = t.shape();
            String n = lower(t.name());
            nmsNames |= n.equals("num_dets") || n.startsWith("det_") || n.contains("nmsed");
            if (s.size() == 3 && s.get(2) == 4) {
                boxes = t;
            } else if (s.size() == 2 && !(s.get(1) == 1 && n.contains("num"))) {
                perDetection++;
            } else if (s.size() <= 2) {
                counts++;
            }
        }
        if (boxes == null || perDetection != 2 || counts > 1) {
            return null;
        }
        if (nmsNames) {
            return new LayoutGuess(OutputLayout.NMS_INCLUDED, 0.9, "'" + boxes.name() + "' " + boxes.shape()
                    + " boxes with scores, classes and a detection count named like TensorRT's EfficientNMS");
        }
        return new LayoutGuess(OutputLayout.SSD, counts == 1 ? 0.9 : 0.75,
                "'" + boxes.name() + "' " + boxes.shape() + " boxes, two [1,N] outputs (scores, classes)"
                        + (counts == 1 ? " and a detection count" : "") + " (TensorFlow SSD style)");
    }

    private static void single(long[] hw, TensorInfo out, OptionalInt named, List<LayoutGuess> guesses) {
        List<Long> s = out.shape();
        String what = "output '" + out.name() + "' " + s;
        if (s.size() == 2) {
            if ((s.get(1) == 6 || s.get(1) == 7) && s.get(0) != 1) {
                guesses.add(new LayoutGuess(OutputLayout.NMS_INCLUDED, 0.85, what + ": rows of " + s.get(1)
                        + (s.get(1) == 7 ? " (batch, x1, y1, x2, y2, class, score)" : " (x1, y1, x2, y2, score, class)")
                        + ": NMS done inside the model"));
                return;
            }
            guesses.add(new LayoutGuess(OutputLayout.CLASSIFICATION, 0.9, what + ": one score per class, C="
                    + s.get(1)));
            return;
        }
        if (s.size() == 4) {
            grid(hw, what, s, guesses);
            return;
        }
        if (s.size() == 3) {
            rank3(hw, what, s.get(1), s.get(2), named, guesses);
            return;
        }
        guesses.add(LayoutGuess.unknown(what + ": no known layout has this rank"));
    }

    private static void grid(long[] hw, String what, List<Long> s, List<LayoutGuess> guesses) {
        long k = s.get(1);
        if (s.get(2) == 1 && s.get(3) == 1) {
            guesses.add(new LayoutGuess(OutputLayout.CLASSIFICATION, 0.9, what + ": [1,C,1,1] class scores, C=" + k));
            return;
        }
        long stride = hw == null || s.get(2) <= 0 ? -1 : hw[0] / s.get(2);
        boolean anchors = k > 0 && k % 5 == 0 && k / 5 > 5;
        if (anchors && stride != 8 && stride != 16) {
            guesses.add(new LayoutGuess(OutputLayout.YOLO_GRID, stride == 32 ? 0.85 : 0.6, what + ": grid "
                    + s.get(2) + "x" + s.get(3) + (stride > 0 ? " (stride " + stride + ")" : "") + " with " + k
                    + " = 5 anchors x (5 + " + (k / 5 - 5) + " classes) channels (Tiny-YOLOv2 / Custom Vision)"));
        }
        if (k > 5 && stride != 32) {
            guesses.add(new LayoutGuess(OutputLayout.ANCHOR_FREE_GRID, stride == 16 ? 0.85 : 0.6, what
                    + ": one grid " + s.get(2) + "x" + s.get(3) + (stride > 0 ? " (stride " + stride + ")" : "")
                    + " of 5 + " + (k - 5) + " classes channels, no anchors (FastestDet style)"));
        }
        if (guesses.isEmpty()) {
            guesses.add(LayoutGuess.unknown(what + ": a 4-d output that is neither [1,C,1,1] nor a detection grid"));
        }
    }

    private static void rank3(long[] hw, String what, long a, long b, OptionalInt named, List<LayoutGuess> out) {
        long cells = hw == null ? -2 : YoloxDecoder.rows(hw[1], hw[0]);
        long v5 = 3 * cells;
        boolean rowsLong = a > b || a < 0;
        boolean gridCount = a == v5 || a == cells;
        if ((b == 6 || b == 7) && rowsLong && !gridCount) {
            out.add(new LayoutGuess(OutputLayout.NMS_INCLUDED, 0.8, what + ": rows of " + b
                    + " values (box, score, class) and N not a grid's cell count: NMS done inside the model"));
            return;
        }
        if (rowsLong && b > 5) {
            boolean namesV8 = named.isPresent() && named.getAsInt() == b - 4;
            boolean namesV5 = named.isPresent() && named.getAsInt() == b - 5;
            if (namesV8) {
                out.add(new LayoutGuess(OutputLayout.YOLOV8, 0.95, what + ": N rows of 4 + C values, the model's "
                        + named.getAsInt() + " class names = C (transposed YOLOv8/11, no objectness)"));
            }
            if (a == cells) {
                out.add(new LayoutGuess(OutputLayout.YOLOX, namesV5 ? 0.9 : 0.85, what + ": N=" + a
                        + " = the cells of strides 8/16/32, 5 + " + (b - 5) + " values a row (YOLOX raw grid)"));
            }
            if (!namesV8) {
                boolean match = a == v5;
                out.add(new LayoutGuess(OutputLayout.YOLOV5, match ? 0.95 : 0.85, what + ": N rows of 5 + C values,"
                        + " C=" + (b - 5) + (match ? ", N=" + a + " matches YOLOv5's anchor count" : "")));
            }
            if (!namesV8 && !namesV5 && a == cells) {
                out.add(new LayoutGuess(OutputLayout.YOLOV8, 0.7, what + ": N=" + a + " = the grid cells, could be"
                        + " a transposed YOLOv8/11 with " + (b - 4) + " classes"));
            }
            if ((b == 6 || b == 7) && gridCount) {
                out.add(new LayoutGuess(OutputLayout.NMS_INCLUDED, 0.6, what + ": rows of " + b
                        + " values could also be boxes after NMS"));
            }
            return;
        }
        if ((a < b || b < 0) && a > 4) {
            boolean match = b == cells;
            out.add(new LayoutGuess(OutputLayout.YOLOV8, match ? 0.95 : 0.85, what + ": 4 + C channels by N"
                    + " candidates, C=" + (a - 4) + (match ? ", N=" + b + " matches YOLOv8's grid cell count" : "")));
            return;
        }
        out.add(LayoutGuess.unknown(what + ": a 3-d output too narrow for any detector layout (needs more than 5"
                + " values a row, or the scores + boxes pair of UltraFace)"));
    }

    private static TensorInfo lastDim(List<TensorInfo> outputs, long d) {
        for (TensorInfo t : outputs) {
            if (t.shape().size() == 3 && t.shape().get(2) == d) {
                return t;
            }
        }
        return null;
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
