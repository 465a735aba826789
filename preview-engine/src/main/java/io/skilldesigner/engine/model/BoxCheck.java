package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Decoded boxes made safe: each is clipped to the model input, and one left with no area (or with a non-finite
 * corner) is dropped. The counts say how many were clipped or dropped.
 */
public record BoxCheck(List<Detection> kept, int clipped, int dropped) {
    public static BoxCheck of(List<Detection> boxes, float inputWidth, float inputHeight) {
        List<Detection> kept = new ArrayList<>(boxes.size());
        int clipped = 0;
        int dropped = 0;
        for (Detection d : boxes) {
            Detection c = d.clip(inputWidth, inputHeight);
            if (!d.valid() || !c.valid()) {
                dropped++;
                continue;
            }
            if (c.x1() != d.x1() || c.y1() != d.y1() || c.x2() != d.x2() || c.y2() != d.y2()) {
                clipped++;
            }
            kept.add(c);
        }
        return new BoxCheck(kept, clipped, dropped);
    }
}
