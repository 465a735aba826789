package io.skilldesigner.engine.frame;

/** A box normalised to the frame: left, top, width, height in 0..1 (as the custom node protocol). */
public record BBox(float l, float t, float w, float h) {
    public float right() {
        return l + w;
    }

    public float bottom() {
        return t + h;
    }

    public float centerX() {
        return l + w / 2f;
    }

    public float centerY() {
        return t + h / 2f;
    }

    public float area() {
        return Math.max(0f, w) * Math.max(0f, h);
    }

    public float iou(BBox o) {
        float x1 = Math.max(l, o.l);
        float y1 = Math.max(t, o.t);
        float x2 = Math.min(right(), o.right());
        float y2 = Math.min(bottom(), o.bottom());
        float inter = Math.max(0f, x2 - x1) * Math.max(0f, y2 - y1);
        float union = area() + o.area() - inter;
        return union <= 0f ? 0f : inter / union;
    }

    /** Clamped to the frame. */
    public BBox clamp() {
        float cl = clamp01(l);
        float ct = clamp01(t);
        return new BBox(cl, ct, clamp01(l + w) - cl, clamp01(t + h) - ct);
    }

    private static float clamp01(float v) {
        return Math.max(0f, Math.min(1f, v));
    }
}
