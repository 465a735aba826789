package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/**
 * TensorFlow SSD style: boxes [1,N,4] as ymin, xmin, ymax, xmax normalised, scores [1,N], classes [1,N] (index
 * into the label file) and an optional count [1] limiting the valid rows. Scores and classes are told apart by
 * name, else by classes being whole numbers. The model already ran NMS.
 */
public final class SsdDecoder implements DetectionDecoder {
    @Override
    public List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings s) {
        OutputTensor boxes = null;
        OutputTensor count = null;
        List<OutputTensor> perRow = new ArrayList<>();
        for (OutputTensor t : outputs) {
            if (t.shape().length == 3 && t.dim(2) == 4) {
                boxes = t;
            } else if (t.shape().length == 2) {
                perRow.add(t);
            } else if (t.size() == 1) {
                count = t;
            }
        }
        if (boxes == null || perRow.size() != 2) {
            throw new IllegalArgumentException("outputs " + outputs + " do not fit layout " + OutputLayout.SSD
                    + " (expected boxes [1,N,4], scores [1,N], classes [1,N], optional count [1])");
        }
        OutputTensor scores = perRow.get(0);
        OutputTensor classes = perRow.get(1);
        if (isClasses(scores, classes)) {
            OutputTensor tmp = scores;
            scores = classes;
            classes = tmp;
        }
        int n = (int) boxes.dim(1);
        if (count != null) {
            n = Math.min(n, Math.max(0, Math.round(count.get(0))));
        }
        float w = s.inputWidth();
        float h = s.inputHeight();
        List<Detection> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float score = scores.get(i);
            if (score >= s.scoreThreshold()) {
                int o = i * 4;
                out.add(new Detection(Math.round(classes.get(i)), score, boxes.get(o + 1) * w, boxes.get(o) * h,
                        boxes.get(o + 3) * w, boxes.get(o + 2) * h));
            }
        }
        return out;
    }

    /** True when the first tensor holds the classes (so the pair must be swapped). */
    private static boolean isClasses(OutputTensor first, OutputTensor second) {
        String a = first.name().toLowerCase(Locale.ROOT);
        String b = second.name().toLowerCase(Locale.ROOT);
        if (a.contains("class") || b.contains("score")) {
            return true;
        }
        if (a.contains("score") || b.contains("class")) {
            return false;
        }
        return wholeNumbers(first) && !wholeNumbers(second);
    }

    private static boolean wholeNumbers(OutputTensor t) {
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i) != Math.rint(t.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean needsNms() {
        return false;
    }
}
