package io.skilldesigner.engine.frame;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What flows along a skill's edges: image, timestamp, id and the insights gathered so far. Immutable; nodes
 * return changed copies that share the image.
 *
 * @param frameId         unique id of this frame within the run (KAN's frame_id)
 * @param sequence        0-based index from the source
 * @param timestampMillis capture time, epoch milliseconds
 * @param image           pixels, or null when a node received metadata only
 */
public record Frame(String frameId, long sequence, long timestampMillis, FrameImage image, int width, int height,
                    List<DetectedObject> objects, List<FrameEvent> events) {
    public Frame {
        Objects.requireNonNull(frameId, "frameId");
        objects = List.copyOf(objects == null ? List.of() : objects);
        events = List.copyOf(events == null ? List.of() : events);
    }

    public static Frame of(long sequence, long timestampMillis, FrameImage image) {
        return new Frame(Long.toString(sequence), sequence, timestampMillis, image, image.width(), image.height(),
                List.of(), List.of());
    }

    public Frame withObjects(List<DetectedObject> o) {
        return new Frame(frameId, sequence, timestampMillis, image, width, height, o, events);
    }

    public Frame withImage(FrameImage img) {
        return new Frame(frameId, sequence, timestampMillis, img, img.width(), img.height(), objects, events);
    }

    public Frame withEvents(List<FrameEvent> e) {
        return new Frame(frameId, sequence, timestampMillis, image, width, height, objects, e);
    }

    public Frame plusObjects(List<DetectedObject> more) {
        List<DetectedObject> all = new ArrayList<>(objects);
        all.addAll(more);
        return withObjects(all);
    }

    public Frame plusEvents(List<FrameEvent> more) {
        List<FrameEvent> all = new ArrayList<>(events);
        all.addAll(more);
        return withEvents(all);
    }
}
