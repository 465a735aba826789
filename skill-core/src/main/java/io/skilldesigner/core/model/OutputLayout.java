package io.skilldesigner.core.model;

/** How a model's outputs are laid out; decides the decoder. */
public enum OutputLayout {
    /** [1, N, 5+C]: cx, cy, w, h (input pixels), objectness, class scores. */
    YOLOV5,
    /** [1, 4+C, N] or [1, N, 4+C]: cx, cy, w, h (input pixels), class scores (no objectness; YOLOv8/11). */
    YOLOV8,
    /** [1, N, 5+C] raw grid of strides 8/16/32: offsets, log sizes, objectness, class scores (YOLOX). */
    YOLOX,
    /** [1, N, 6] x1, y1, x2, y2, score, class; [N, 7] batch, x1, y1, x2, y2, class, score (NMS done in the model). */
    NMS_INCLUDED,
    /** boxes [1,N,4], scores [1,N], classes [1,N], count [1] (TensorFlow SSD style; NMS done). */
    SSD,
    /** scores [1,N,C] (index 0 background) + boxes [1,N,4] in corner form, normalised (UltraFace, decoded). */
    ULTRAFACE,
    /** scores [1,N,C] + box offsets [1,N,4] against generated UltraFace priors (UltraFace without post-processing). */
    ULTRAFACE_RAW,
    /** box offsets [1,N,4], scores [1,N,2], landmark offsets [1,N,10] against RetinaFace priors. */
    RETINAFACE,
    /** cls/obj/bbox/kps outputs per stride 8, 16, 32, one anchor per cell (YuNet; any input size). */
    YUNET,
    /** [1, A*(5+C), H, W] grid with anchors (Tiny-YOLOv2, Azure Custom Vision). */
    YOLO_GRID,
    /** [1, 5+C, H, W] single-scale anchor-free grid: objectness, box, classes (FastestDet). */
    ANCHOR_FREE_GRID,
    /** [1, C] (or [1,C,1,1]) logits or probabilities. */
    CLASSIFICATION
}
