package io.skilldesigner.engine.model;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/** One model output as floats (float16, doubles and integer outputs converted), with its shape. */
public record OutputTensor(String name, long[] shape, FloatBuffer data) {
    public float get(int i) {
        return data.get(i);
    }

    public int size() {
        return data.limit();
    }

    /** Position (0..count-1) of the largest of count values from start, step apart (the best class of a row). */
    public int argMax(int start, int count, int step) {
        int best = 0;
        float bestValue = Float.NEGATIVE_INFINITY;
        for (int k = 0; k < count; k++) {
            float v = data.get(start + k * step);
            if (v > bestValue) {
                bestValue = v;
                best = k;
            }
        }
        return best;
    }

    /** Dimension i, counted from the end when negative (-1 = last). */
    public long dim(int i) {
        return shape[i < 0 ? shape.length + i : i];
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape);
    }

    /** Every output of a run, in the model's output order. */
    public static List<OutputTensor> all(OrtSession.Result result) throws OrtException {
        List<OutputTensor> out = new ArrayList<>();
        for (Map.Entry<String, OnnxValue> e : result) {
            if (!(e.getValue() instanceof OnnxTensor t)) {
                throw new OrtException("output '" + e.getKey() + "' is not a tensor (" + e.getValue().getType() + ")");
            }
            out.add(new OutputTensor(e.getKey(), t.getInfo().getShape(), floats(e.getKey(), t)));
        }
        return out;
    }

    private static FloatBuffer floats(String name, OnnxTensor t) throws OrtException {
        TensorInfo info = t.getInfo();
        return switch (info.type) {
            case FLOAT, FLOAT16, BFLOAT16 -> t.getFloatBuffer(); // ONNX Runtime widens 16-bit floats
            case DOUBLE -> {
                java.nio.DoubleBuffer b = t.getDoubleBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = (float) b.get(i);
                }
                yield FloatBuffer.wrap(f);
            }
            case INT64 -> {
                java.nio.LongBuffer b = t.getLongBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = b.get(i);
                }
                yield FloatBuffer.wrap(f);
            }
            case INT32 -> {
                java.nio.IntBuffer b = t.getIntBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = b.get(i);
                }
                yield FloatBuffer.wrap(f);
            }
            case UINT8, INT8 -> {
                java.nio.ByteBuffer b = t.getByteBuffer();
                float[] f = new float[b.remaining()];
                for (int i = 0; i < f.length; i++) {
                    f[i] = info.type == ai.onnxruntime.OnnxJavaType.UINT8 ? (b.get(i) & 0xff) : b.get(i);
                }
                yield FloatBuffer.wrap(f);
            }
            default -> throw new OrtException("output '" + name + "' has element type " + info.type
                    + ", which no decoder reads");
        };
    }
}
