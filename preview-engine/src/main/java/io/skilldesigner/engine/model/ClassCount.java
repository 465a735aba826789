package io.skilldesigner.engine.model;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;

/** How many classes a model's output declares for a layout, and whether a label file fits it. */
public final class ClassCount {
    private ClassCount() {
    }

    /** The class count the outputs imply, or empty when the layout does not fix it (NMS_INCLUDED, SSD). */
    public static OptionalInt of(ModelIo io, OutputLayout layout, DecoderSettings settings) {
        if (io.outputs().isEmpty() || layout == null) {
            return OptionalInt.empty();
        }
        List<Long> s = io.outputs().get(0).shape();
        long c = switch (layout) {
            case YOLOV5 -> s.size() == 3 ? s.get(2) - 5 : -1;
            case YOLOV8 -> s.size() == 3 ? s.get(1) - 4 : -1;
            case CLASSIFICATION -> s.size() >= 2 ? s.get(1) : -1;
            case ULTRAFACE -> 2;
            case YOLO_GRID -> {
                int anchors = settings == null || settings.anchors().isEmpty() ? 5 : settings.anchors().size() / 2;
                yield s.size() == 4 && s.get(1) > 0 && s.get(1) % anchors == 0 ? s.get(1) / anchors - 5 : -1;
            }
            case NMS_INCLUDED, SSD -> -1;
        };
        return c > 0 ? OptionalInt.of((int) c) : OptionalInt.empty();
    }

    /**
     * Why the labels do not fit, or empty when they do (or the count is unknown). UltraFace accepts either
     * "background, face" or just "face".
     */
    public static Optional<String> mismatch(ModelIo io, OutputLayout layout, DecoderSettings settings,
                                            List<String> labels) {
        OptionalInt c = of(io, layout, settings);
        if (c.isEmpty() || labels.isEmpty()) {
            return Optional.empty();
        }
        int classes = c.getAsInt();
        if (classes == labels.size() || (layout == OutputLayout.ULTRAFACE && labels.size() == 1)) {
            return Optional.empty();
        }
        return Optional.of("the model's " + layout + " output has " + classes + " classes but the label file has "
                + labels.size() + " labels");
    }
}
