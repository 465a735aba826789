package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Greedy class-wise non-maximum suppression: a box only suppresses lower-scored boxes of its own class. */
public final class Nms {
    private Nms() {
    }

    public static List<Detection> classWise(List<Detection> candidates, double iouThreshold, int maxDetections) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        List<Detection> kept = new ArrayList<>();
        for (Detection d : sorted) {
            if (kept.size() >= maxDetections) {
                break;
            }
            boolean suppressed = false;
            for (Detection k : kept) {
                if (k.classIndex() == d.classIndex() && k.iou(d) > iouThreshold) {
                    suppressed = true;
                    break;
                }
            }
            if (!suppressed) {
                kept.add(d);
            }
        }
        return kept;
    }

    /** Highest scores first, at most max (for layouts whose model already did NMS). */
    public static List<Detection> top(List<Detection> candidates, int maxDetections) {
        List<Detection> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingDouble(Detection::score).reversed());
        return sorted.size() > maxDetections ? List.copyOf(sorted.subList(0, maxDetections)) : sorted;
    }
}
