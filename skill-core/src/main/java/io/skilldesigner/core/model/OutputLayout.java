package io.skilldesigner.core.model;

/** How a model's outputs are laid out; decides the decoder. */
public enum OutputLayout {
    /** [1, N, 5+C]: cx, cy, w, h, objectness, class scores. */
    YOLOV5,
    /** [1, 4+C, N]: cx, cy, w, h, class scores (no objectness). */
    YOLOV8,
    /** [1, N, 6]: x1, y1, x2, y2, score, class (NMS done in the model). */
    NMS_INCLUDED,
    /** boxes [1,N,4], scores [1,N], classes [1,N], count [1] (TensorFlow SSD style). */
    SSD,
    /** scores [1,N,2] + boxes [1,N,4] in corner form, normalised (UltraFace). */
    ULTRAFACE,
    /** [1, A*(5+C), H, W] grid with anchors (Tiny-YOLOv2, Azure Custom Vision). */
    YOLO_GRID,
    /** [1, C] (or [1,C,1,1]) logits or probabilities. */
    CLASSIFICATION
}
