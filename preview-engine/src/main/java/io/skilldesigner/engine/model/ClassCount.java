package io.skilldesigner.engine.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/** How many classes a model's output declares for a layout, and whether a label file fits it. */
public final class ClassCount {
    private ClassCount() {
    }

    /** Layouts whose class 0 is the background (a label list may leave it out). */
    public static boolean backgroundFirst(OutputLayout layout) {
        return layout == OutputLayout.ULTRAFACE || layout == OutputLayout.ULTRAFACE_RAW
                || layout == OutputLayout.RETINAFACE;
    }

    /** The class count the outputs imply (background included), or empty when the layout does not fix it. */
    public static OptionalInt of(ModelIo io, OutputLayout layout, DecoderSettings settings) {
        if (io.outputs().isEmpty() || layout == null) {
            return OptionalInt.empty();
        }
        List<Long> s = io.outputs().get(0).shape();
        long c = switch (layout) {
            case YOLOV5, YOLOX -> s.size() == 3 ? s.get(2) - 5 : -1;
            case YOLOV8 -> s.size() == 3 ? Math.min(s.get(1), s.get(2)) - 4 : -1;
            case CLASSIFICATION -> s.size() >= 2 ? s.get(1) : -1;
            case ULTRAFACE, ULTRAFACE_RAW -> scoreColumns(io);
            case RETINAFACE -> 2;
            case YUNET -> 1;
            case YOLO_GRID -> {
                int anchors = settings == null || settings.anchors().isEmpty() ? 5 : settings.anchors().size() / 2;
                yield s.size() == 4 && s.get(1) > 0 && s.get(1) % anchors == 0 ? s.get(1) / anchors - 5 : -1;
            }
            case ANCHOR_FREE_GRID -> s.size() == 4 && s.get(1) > 0 ? s.get(1) - 5 : -1;
            case NMS_INCLUDED, SSD -> -1;
        };
        return c > 0 ? OptionalInt.of((int) c) : OptionalInt.empty();
    }

    private static long scoreColumns(ModelIo io) {
        for (TensorInfo t : io.outputs()) {
            List<Long> s = t.shape();
            if (s.size() == 3 && s.get(2) != 4 && s.get(2) >= 2) {
                return s.get(2);
            }
        }
        return 4; // both outputs end in 4: background + three classes
    }

    /**
     * Why the labels do not fit, or empty when they do (or the count is unknown). Layouts with a background class
     * accept the labels with or without it.
     */
    public static Optional<String> mismatch(ModelIo io, OutputLayout layout, DecoderSettings settings,
                                            List<String> labels) {
        OptionalInt c = of(io, layout, settings);
        if (c.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        int classes = c.getAsInt();
        if (classes == labels.size() || (backgroundFirst(layout) && labels.size() == classes - 1)) {
            return Optional.empty();
        }
        return Optional.of("the model's " + layout + " output has " + classes + " classes"
                + (backgroundFirst(layout) ? " (background first)" : "") + " but the label file has "
                + labels.size() + " labels");
    }
}
