package io.skilldesigner.core.model;

/** How a frame is fitted into a model's input. */
public enum Fit {
    /** Plain resize to the input size (aspect not kept). */
    STRETCH,
    /** Keep aspect, centred, grey (114) bars (YOLOv5/v8). */
    LETTERBOX,
    /** Keep aspect, image at the top-left, grey (114) padding right/bottom (official YOLOX export). */
    LETTERBOX_TOP_LEFT,
    /** No resize: the image padded with zeros right/bottom to the next multiple of 32 (YuNet, any input size). */
    PAD,
    /** Resize the shorter side to input / cropRatio, then cut the centre (ImageNet classifiers: 256 → 224). */
    CENTER_CROP
}
