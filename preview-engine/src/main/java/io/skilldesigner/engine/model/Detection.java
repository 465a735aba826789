package io.skilldesigner.engine.model;

/** A decoded box in model-input pixels (corners), before mapping back to the frame. */
public record Detection(int classIndex, float score, float x1, float y1, float x2, float y2) {
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
}
