package io.skilldesigner.engine.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * What a model found in one image ("try on an image").
 *
 * @param detections boxes normalised to the image (detectors), else empty
 * @param classes    top classes (classifiers), else empty
 */
public record TryOutResult(String modelName, int imageWidth, int imageHeight, List<DetectedObject> detections,
                           List<ClassScore> classes, ProviderChoice provider, double millis) {
    public TryOutResult {
        detections = List.copyOf(detections);
        classes = List.copyOf(classes);
    }

    /** One line, as the Models page shows it: "m on CPU in 41.2 ms — 3 detections: dog 86%, bicycle 80%, car 80%". */
    public String summary() {
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s on %s in %.1f ms — ", modelName,
                provider.provider(), millis));
        if (!classes.isEmpty()) {
            sb.append("top classes: ").append(classes.stream()
                    .map(c -> String.format(Locale.ROOT, "%s %.1f%%", c.label(), c.score() * 100))
                    .collect(Collectors.joining(", ")));
        } else {
            sb.append(detections.size()).append(" detections: ").append(detections.stream()
                    .map(d -> String.format(Locale.ROOT, "%s %.0f%%", d.label(), d.confidence() * 100))
                    .collect(Collectors.joining(", ")));
        }
        return sb.toString();
    }

    /**
     * One line per detection with its box in image pixels ("dog 0.855 box 133,207 - 326,543 px (193x336)"), or per
     * class ("tabby 0.621 (class 281)"): what the command line prints, comparable with other tools' outputs.
     */
    public List<String> details() {
        if (!classes.isEmpty()) {
            return classes.stream().map(c -> String.format(Locale.ROOT, "%s %.3f (class %d)", c.label(), c.score(),
                    c.index())).toList();
        }
        return detections.stream().map(d -> {
            BBox b = d.bbox();
            long x1 = Math.round(b.l() * imageWidth);
            long y1 = Math.round(b.t() * imageHeight);
            long x2 = Math.round(b.right() * imageWidth);
            long y2 = Math.round(b.bottom() * imageHeight);
            return String.format(Locale.ROOT, "%s %.3f box %d,%d - %d,%d px (%dx%d)", d.label(), d.confidence(),
                    x1, y1, x2, y2, x2 - x1, y2 - y1);
        }).toList();
    }
}
