package io.skilldesigner.engine.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import io.skilldesigner.engine.recording.InsightFrame.Attribute;
import io.skilldesigner.engine.recording.InsightFrame.InsightEvent;
import io.skilldesigner.engine.recording.InsightFrame.InsightObject;

/**
 * Compares replayed insights with golden ones, frame by frame: objects are matched by label and box overlap
 * (IoU at least {@code minIou}); a matched object's confidence and attribute confidences may differ by {@code
 * confidenceTolerance}; attribute labels, track ids, events (type, related ids, properties) and the number of
 * frames must be exactly equal. Times, ids of events and tracker speeds are not compared: they differ between
 * runs by design.
 */
public record InsightsComparer(double minIou, double confidenceTolerance) {
    public static final double DEFAULT_IOU = 0.9;
    public static final double DEFAULT_CONFIDENCE_TOLERANCE = 0.02;

    public InsightsComparer {
        if (!(minIou > 0 && minIou <= 1)) {
            throw new IllegalArgumentException("IoU threshold must be in (0, 1], got " + minIou);
        }
        if (!(confidenceTolerance >= 0 && confidenceTolerance <= 1)) {
            throw new IllegalArgumentException("confidence tolerance must be in [0, 1], got " + confidenceTolerance);
        }
    }

    public static InsightsComparer defaults() {
        return new InsightsComparer(DEFAULT_IOU, DEFAULT_CONFIDENCE_TOLERANCE);
    }

    public List<InsightDifference> compare(List<InsightFrame> golden, List<InsightFrame> actual) {
        List<InsightDifference> out = new ArrayList<>();
        int common = Math.min(golden.size(), actual.size());
        for (int i = 0; i < common; i++) {
            compareFrame(i, golden.get(i), actual.get(i), out);
        }
        if (golden.size() != actual.size()) {
            int first = common;
            String id = first < golden.size() ? golden.get(first).frameId() : actual.get(first).frameId();
            out.add(new InsightDifference(first, id, "", "frame count " + golden.size() + " -> " + actual.size()));
        }
        return out;
    }

    private void compareFrame(int index, InsightFrame g, InsightFrame a, List<InsightDifference> out) {
        List<InsightObject> unmatched = new ArrayList<>(a.objects());
        for (InsightObject expected : g.objects()) {
            InsightObject best = null;
            double bestIou = 0;
            for (InsightObject candidate : unmatched) {
                double iou = expected.iou(candidate);
                if (candidate.label().equals(expected.label()) && iou >= minIou && iou > bestIou) {
                    best = candidate;
                    bestIou = iou;
                }
            }
            if (best == null) {
                out.add(new InsightDifference(index, g.frameId(), expected.describe(), "missing in the replay"));
                continue;
            }
            unmatched.remove(best);
            compareObject(index, g.frameId(), expected, best, out);
        }
        for (InsightObject extra : unmatched) {
            out.add(new InsightDifference(index, g.frameId(), extra.describe(), "not in the golden file"));
        }
        List<InsightEvent> extraEvents = new ArrayList<>(a.events());
        for (InsightEvent e : g.events()) {
            if (!extraEvents.remove(e)) {
                out.add(new InsightDifference(index, g.frameId(), "", "event missing in the replay: "
                        + e.describe()));
            }
        }
        extraEvents.forEach(e -> out.add(new InsightDifference(index, g.frameId(), "",
                "event not in the golden file: " + e.describe())));
    }

    private void compareObject(int index, String frameId, InsightObject g, InsightObject a,
                               List<InsightDifference> out) {
        String who = g.describe();
        if (Math.abs(g.confidence() - a.confidence()) > confidenceTolerance) {
            out.add(new InsightDifference(index, frameId, who, "confidence " + f(g.confidence()) + " -> "
                    + f(a.confidence()) + " (tolerance " + f(confidenceTolerance) + ")"));
        }
        if (!g.trackingId().equals(a.trackingId())) {
            out.add(new InsightDifference(index, frameId, who, "track id " + orNone(g.trackingId()) + " -> "
                    + orNone(a.trackingId())));
        }
        TreeSet<String> names = new TreeSet<>(g.attributes().keySet());
        names.addAll(a.attributes().keySet());
        for (String name : names) {
            Attribute ga = g.attributes().get(name);
            Attribute aa = a.attributes().get(name);
            if (ga == null || aa == null || !ga.label().equals(aa.label())) {
                out.add(new InsightDifference(index, frameId, who, "attribute " + name + " " + attr(ga) + " -> "
                        + attr(aa)));
            } else if (Math.abs(ga.confidence() - aa.confidence()) > confidenceTolerance) {
                out.add(new InsightDifference(index, frameId, who, "attribute " + name + " confidence "
                        + f(ga.confidence()) + " -> " + f(aa.confidence()) + " (tolerance "
                        + f(confidenceTolerance) + ")"));
            }
        }
    }

    private static String attr(Attribute a) {
        return a == null ? "(none)" : a.label() + " (" + f(a.confidence()) + ")";
    }

    private static String orNone(String s) {
        return s.isEmpty() ? "(none)" : s;
    }

    private static String f(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
