package io.skilldesigner.engine.model;

/**
 * A decoded box in model-input pixels (corners), before mapping back to the frame.
 *
 * @param points landmarks as x, y pairs in model-input pixels (RetinaFace, YuNet), else empty
 */
public record Detection(int classIndex, float score, float x1, float y1, float x2, float y2, float[] points) {
    private static final float[] NONE = new float[0];

    public Detection {
        points = points == null ? NONE : points;
    }

    public Detection(int classIndex, float score, float x1, float y1, float x2, float y2) {
        this(classIndex, score, x1, y1, x2, y2, NONE);
    }

    public static Detection center(int classIndex, float score, float cx, float cy, float w, float h) {
        return new Detection(classIndex, score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2);
    }

    public float area() {
        return Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
    }

    public float iou(Detection o) {
        float iw = Math.min(x2, o.x2) - Math.max(x1, o.x1);
        float ih = Math.min(y2, o.y2) - Math.max(y1, o.y1);
        if (iw <= 0 || ih <= 0) {
            return 0;
        }
        float inter = iw * ih;
        return inter / (area() + o.area() - inter);
    }

    /** Finite corners with positive width and height. */
    public boolean valid() {
        return Float.isFinite(x1) && Float.isFinite(y1) && Float.isFinite(x2) && Float.isFinite(y2) && x2 > x1
                && y2 > y1;
    }

    /** Clipped to [0,w] x [0,h]. */
    public Detection clip(float w, float h) {
        return new Detection(classIndex, score, clamp(x1, w), clamp(y1, h), clamp(x2, w), clamp(y2, h), points);
    }

    private static float clamp(float v, float max) {
        return Math.max(0, Math.min(max, v));
    }
}
