package io.skilldesigner.engine.model;

import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/** Turns a detector's raw outputs into candidate boxes (model-input pixels) above the score threshold. */
public interface DetectionDecoder {
    List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings settings);

    /** False for layouts whose model already ran NMS. */
    default boolean needsNms() {
        return true;
    }

    /** Candidates, then class-wise NMS (where needed) and the detection cap. */
    default List<Detection> decode(List<OutputTensor> outputs, DecoderSettings settings) {
        List<Detection> c = candidates(outputs, settings);
        return needsNms() ? Nms.classWise(c, settings.iouThreshold(), settings.maxDetections())
                : Nms.top(c, settings.maxDetections());
    }

    /** The decoder of a detection layout. */
    static DetectionDecoder forLayout(OutputLayout layout) {
        if (layout == null) {
            throw new IllegalArgumentException("no output layout: the model's outputs match no known layout;"
                    + " choose one in the decoder settings");
        }
        return switch (layout) {
            case YOLOV5 -> new YoloV5Decoder();
            case YOLOV8 -> new YoloV8Decoder();
            case NMS_INCLUDED -> new NmsIncludedDecoder();
            case SSD -> new SsdDecoder();
            case ULTRAFACE -> new UltraFaceDecoder();
            case YOLO_GRID -> new YoloGridDecoder();
            case CLASSIFICATION -> throw new IllegalArgumentException("CLASSIFICATION is not a detection layout");
        };
    }

    /** Checks an output's rank and minimum sizes, with a message that shows what was found. */
    static void require(boolean ok, OutputTensor t, OutputLayout layout, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("output " + t + " does not fit layout " + layout + " (expected "
                    + expected + ")");
        }
    }
}
