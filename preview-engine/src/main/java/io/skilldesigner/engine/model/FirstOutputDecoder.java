package io.skilldesigner.engine.model;

import java.util.List;

/**
 * A decoder of one detection head that reads only the model's first output: exports that add more outputs (e.g.
 * the raw per-stride heads of older YOLOv5/YOLOX exports, "the other outputs are ignored" in the layout evidence)
 * are then run without fetching those.
 */
interface FirstOutputDecoder extends DetectionDecoder {
    @Override
    default List<String> outputsRead(List<String> outputNames) {
        return outputNames.subList(0, 1);
    }
}
