package io.skilldesigner.engine.model;

import java.util.List;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.OutputLayout;

/** Turns a detector's raw outputs into candidate boxes (model-input pixels) above the score threshold. */
public interface DetectionDecoder {
    List<Detection> candidates(List<OutputTensor> outputs, DecoderSettings settings);

    /**
     * The outputs this decoder reads, of the model's outputs in their order: all unless the decoder says less, so
     * the runner asks ONNX Runtime (and, on a GPU, the copy to the host) for nothing else.
     */
    default List<String> outputsRead(List<String> outputNames) {
        return outputNames;
    }

    /** False for layouts whose model already ran NMS. */
    default boolean needsNms() {
        return true;
    }

    /** Candidates (clipped to the input, empty ones dropped), then class-wise NMS (where needed) and the cap. */
    default List<Detection> decode(List<OutputTensor> outputs, DecoderSettings settings) {
        return decodeChecked(outputs, settings).kept();
    }

    /** As {@link #decode}, with the counts of clipped and dropped boxes. */
    default BoxCheck decodeChecked(List<OutputTensor> outputs, DecoderSettings settings) {
        BoxCheck c = BoxCheck.of(candidates(outputs, settings), settings.inputWidth(), settings.inputHeight());
        List<Detection> kept = needsNms() ? Nms.classWise(c.kept(), settings.iouThreshold(), settings.maxDetections())
                : Nms.top(c.kept(), settings.maxDetections());
        return new BoxCheck(kept, c.clipped(), c.dropped());
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
            case YOLOX -> new YoloxDecoder();
            case NMS_INCLUDED -> new NmsIncludedDecoder();
            case SSD -> new SsdDecoder();
            case ULTRAFACE -> new UltraFaceDecoder();
            case ULTRAFACE_RAW -> new PriorBoxDecoder(PriorBoxDecoder.Family.ULTRAFACE);
            case RETINAFACE -> new PriorBoxDecoder(PriorBoxDecoder.Family.RETINAFACE);
            case YUNET -> new YuNetDecoder();
            case YOLO_GRID -> new YoloGridDecoder();
            case ANCHOR_FREE_GRID -> new AnchorFreeGridDecoder();
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
