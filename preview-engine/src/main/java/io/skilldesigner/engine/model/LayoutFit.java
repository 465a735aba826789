package io.skilldesigner.engine.model;

import java.util.List;
import java.util.Optional;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/** Whether a (possibly user-chosen) layout can decode a model's declared outputs; -1 dimensions always fit. */
public final class LayoutFit {
    private LayoutFit() {
    }

    /** Why the layout does not fit, or empty when it does. */
    public static Optional<String> check(ModelIo io, OutputLayout layout, DecoderSettings settings) {
        List<TensorInfo> outs = io.outputs();
        if (outs.isEmpty()) {
            return Optional.of("the model has no outputs");
        }
        List<Long> s = outs.get(0).shape();
        boolean ok = switch (layout) {
            case YOLOV5, YOLOX -> s.size() == 3 && atLeast(s.get(2), 6);
            case YOLOV8 -> s.size() == 3 && atLeast(s.get(1), 5) && atLeast(s.get(2), 5);
            case NMS_INCLUDED -> (s.size() == 3 || s.size() == 2) && (s.get(s.size() - 1) == 6
                    || s.get(s.size() - 1) == 7 || s.get(s.size() - 1) < 0)
                    || (outs.size() >= 3 && outs.stream().anyMatch(t -> lastIs(t, 4)));
            case CLASSIFICATION -> s.size() == 2 || (s.size() == 4 && s.get(2) == 1 && s.get(3) == 1);
            case YOLO_GRID -> {
                int a = settings == null || settings.anchors().isEmpty() ? 5 : settings.anchors().size() / 2;
                yield s.size() == 4 && (s.get(1) < 0 || (a > 0 && s.get(1) % a == 0 && s.get(1) / a > 5));
            }
            case ANCHOR_FREE_GRID -> s.size() == 4 && atLeast(s.get(1), 6);
            case ULTRAFACE, ULTRAFACE_RAW -> outs.size() >= 2 && outs.stream().anyMatch(t -> lastIs(t, 4))
                    && outs.stream().filter(t -> t.shape().size() == 3 && atLeast(t.shape().get(2), 2)).count() >= 2;
            case RETINAFACE -> outs.stream().anyMatch(t -> lastIs(t, 4)) && outs.stream().anyMatch(t -> lastIs(t, 2))
                    && outs.stream().anyMatch(t -> lastIs(t, 10));
            case YUNET -> outs.size() >= 9 && outs.stream().filter(t -> lastIs(t, 4)).count() == 3;
            case SSD -> outs.stream().anyMatch(t -> lastIs(t, 4))
                    && outs.stream().filter(t -> t.shape().size() == 2).count() == 2;
        };
        if (ok) {
            return Optional.empty();
        }
        StringBuilder shapes = new StringBuilder();
        outs.forEach(t -> shapes.append(shapes.length() == 0 ? "" : ", ").append(t.name()).append(' ').append(t.shape()));
        return Optional.of("not supported: " + layout + " does not fit the outputs " + shapes + "; supported layouts: "
                + LayoutDetector.SUPPORTED);
    }

    private static boolean lastIs(TensorInfo t, long v) {
        return t.shape().size() == 3 && t.shape().get(2) == v;
    }

    private static boolean atLeast(long d, long min) {
        return d < 0 || d >= min;
    }
}
