package io.skilldesigner.core.model;

import java.util.List;

/**
 * How frames are prepared for a model and its outputs decoded. Filled in from inspection, adjustable by the user.
 *
 * @param layout         output layout (user may override the detected one)
 * @param inputWidth     model input width in pixels
 * @param inputHeight    model input height
 * @param letterbox      keep aspect ratio with padding (else plain resize)
 * @param rgb            channel order RGB (else BGR)
 * @param nchw           NCHW (else NHWC)
 * @param scale          pixel multiplier applied before mean/std (e.g. 1/255)
 * @param mean           per-channel mean subtracted after scaling (3 values, in model channel order)
 * @param std            per-channel divisor (3 values)
 * @param scoreThreshold minimum score kept by the decoder
 * @param iouThreshold   IoU for class-wise NMS
 * @param maxDetections  upper bound on detections per frame
 * @param anchors        grid anchors in grid units, as w,h pairs (YOLO_GRID only)
 */
public record DecoderSettings(OutputLayout layout, int inputWidth, int inputHeight, boolean letterbox, boolean rgb,
                              boolean nchw, double scale, List<Double> mean, List<Double> std,
                              double scoreThreshold, double iouThreshold, int maxDetections, List<Double> anchors) {
    /** Azure Custom Vision / Tiny-YOLOv2 anchors (grid units). */
    public static final List<Double> CUSTOM_VISION_ANCHORS =
            List.of(0.573, 0.677, 1.87, 2.06, 3.34, 5.47, 7.88, 3.53, 9.77, 9.17);

    public DecoderSettings {
        mean = List.copyOf(mean == null ? List.of(0.0, 0.0, 0.0) : mean);
        std = List.copyOf(std == null ? List.of(1.0, 1.0, 1.0) : std);
        anchors = List.copyOf(anchors == null ? List.of() : anchors);
    }
}
