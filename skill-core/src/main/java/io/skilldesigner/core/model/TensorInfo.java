package io.skilldesigner.core.model;

import java.util.List;

/** A model input or output as ONNX declares it; -1 marks a dynamic dimension. */
public record TensorInfo(String name, String elementType, List<Long> shape) {
    public TensorInfo {
        shape = List.copyOf(shape);
    }
}
