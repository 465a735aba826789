package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * Exports that ran NMS in the graph, boxes as x1, y1, x2, y2 in input pixels:
 * <ul>
 * <li>[1, N, 6] or [N, 6]: x1, y1, x2, y2, score, class (YOLOv8 {@code nms=True}, YOLOv10);</li>
 * <li>[N, 7]: batch, x1, y1, x2, y2, class, score (YOLOv7 end-to-end for ONNX Runtime);</li>
 * <li>{@code num_dets} [1,1], {@code boxes} [1,K,4], {@code scores} [1,K], {@code classes} [1,K] (TensorRT
 * EfficientNMS style); only the first num_dets rows are valid.</li>
 * </ul>
 */
public final class NmsIncludedDecoder implements DetectionDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        if (outputs.size() >= 3) {
            return separate(outputs, s);
        }
        OutputTensor t = outputs.get(0);
        int cols = (int) t.dim(-1);
        DetectionDecoder.require((t.shape().length == 3 || t.shape().length == 2) && (cols == 6 || cols == 7), t,
                OutputLayout.NMS_INCLUDED, "[1, N, 6], [N, 6] or [N, 7]");
        int n = t.size() / cols;
        boolean seven = cols == 7;
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int o = i * cols + (seven ? 1 : 0);
            float score = seven ? t.get(o + 5) : t.get(o + 4);
            int cls = Math.round(seven ? t.get(o + 4) : t.get(o + 5));
            if (score >= s.scoreThreshold() && (!seven || Math.round(t.get(i * cols)) == 0)) {
                out.add(new Detection(cls, score, t.get(o), t.get(o + 1), t.get(o + 2), t.get(o + 3)));
            }
        }
        return out;
    }

    private static List<Detection> separate(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor boxes = null;
        OutputTensor scores = null;
        OutputTensor classes = null;
        OutputTensor count = null;
        for (OutputTensor t : outputs) {
            String n = t.name().toLowerCase(Locale.ROOT);
            if (t.shape().length == 3 && t.dim(2) == 4) {
                boxes = t;
            } else if (t.size() == 1 || n.contains("num")) {
                count = t;
            } else if (n.contains("class") || n.contains("label")) {
                classes = t;
            } else if (n.contains("score") || n.contains("conf")) {
                scores = t;
            }
        }
        if (boxes == null || scores == null || classes == null) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout "
                    + OutputLayout.NMS_INCLUDED + " (expected num_dets, boxes [1,K,4], scores [1,K], classes [1,K])");
        }
        int n = (int) boxes.dim(1);
        if (count != null) {
            n = Math.min(n, Math.max(0, Math.round(count.get(0))));
        }
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float score = scores.get(i);
            if (score >= s.scoreThreshold()) {
                int o = i * 4;
                out.add(new Detection(Math.round(classes.get(i)), score, boxes.get(o), boxes.get(o + 1),
                        boxes.get(o + 2), boxes.get(o + 3)));
            }
        }
        return out;
    }

    @Override
    public boolean needsNms() {
        return false;
    }
}
