package io.skilldesigner.engine.model;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_16F;
import static org.bytedeco.opencv.global.opencv_core.CV_16FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.List;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.Fit;

/**
 * Turns a BGR frame (or crop) into the model's input tensor with OpenCV: resize, letterbox (centred or
 * top-left), pad without resize, or resize-shorter-side + centre crop; channel order,
 * per-channel {@code (p·scale − mean) / std} as one {@code convertTo} per channel, written straight into the
 * tensor's direct buffer in NCHW planes or NHWC order, as float32, float16 or uint8. The tensor and all
 * intermediate Mats are allocated once and reused for every frame, so one Preprocessor serves one thread.
 */
public final class Preprocessor implements AutoCloseable {
    /** Element types a model input may have. */
    public enum ElementType {
        FLOAT(CV_32F, 4), FLOAT16(CV_16F, 2), UINT8(CV_8U, 1);

        final int depth;
        final int bytes;

        ElementType(int depth, int bytes) {
            this.depth = depth;
            this.bytes = bytes;
        }

        public static ElementType of(String ortType) {
            for (ElementType t : values()) {
                if (t.name().equals(ortType)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("input element type " + ortType
                    + " is not supported (float32, float16 or uint8 images only)");
        }
    }

    private static final double LETTERBOX_GREY = 114;

    private final DecoderSettings settings;
    private final ElementType type;
    private final int width;
    private final int height;
    private final double[] alpha = new double[3];
    private final double[] beta = new double[3];
    private final boolean uniform;
    private final ByteBuffer buffer;
    private final OnnxTensor tensor;
    private final BytePointer pointer;
    private final Mat[] planes = new Mat[3];
    /** Letterbox: the image's window in each plane, for the current geometry. */
    private final Mat[] windows = new Mat[3];
    private Window window;

    private record Window(int x, int y, int w, int h, double pad) { }
    private final Mat packed;
    private final Mat resized = new Mat();
    private final Mat boxed = new Mat();
    private final Mat swapped = new Mat();
    private final MatVector channels = new MatVector(3);
    private final MatVector ordered = new MatVector(3);
    private final Mat[] convertedChannels = {new Mat(), new Mat(), new Mat()};

    public Preprocessor(DecoderSettings settings, ElementType type, OrtEnvironment env) throws OrtException {
        this.settings = settings;
        this.type = type;
        this.width = settings.inputWidth();
        this.height = settings.inputHeight();
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("input size must be positive, got " + width + "x" + height);
        }
        List<Double> mean = settings.mean();
        List<Double> std = settings.std();
        for (int c = 0; c < 3; c++) {
            double sd = std.get(c) == 0 ? 1 : std.get(c);
            alpha[c] = settings.scale() / sd;
            beta[c] = -mean.get(c) / sd;
        }
        uniform = alpha[0] == alpha[1] && alpha[1] == alpha[2] && beta[0] == beta[1] && beta[1] == beta[2];
        int plane = width * height;
        buffer = ByteBuffer.allocateDirect(plane * 3 * type.bytes).order(ByteOrder.nativeOrder());
        pointer = new BytePointer(buffer);
        long[] shape = settings.nchw() ? new long[] {1, 3, height, width} : new long[] {1, height, width, 3};
        tensor = switch (type) {
            case FLOAT -> OnnxTensor.createTensor(env, buffer.asFloatBuffer(), shape);
            case FLOAT16 -> OnnxTensor.createTensor(env, buffer.asShortBuffer(), shape, OnnxJavaType.FLOAT16);
            case UINT8 -> OnnxTensor.createTensor(env, buffer, shape, OnnxJavaType.UINT8);
        };
        if (settings.nchw()) {
            for (int c = 0; c < 3; c++) {
                // each plane is a Mat over its slice of the tensor buffer: convertTo writes the tensor directly
                planes[c] = new Mat(height, width, type.depth, new BytePointer(pointer).position((long) c * plane * type.bytes));
            }
            packed = null;
        } else {
            int packedType = switch (type) {
                case FLOAT -> CV_32FC3;
                case FLOAT16 -> CV_16FC3;
                case UINT8 -> CV_8UC3;
            };
            packed = new Mat(height, width, packedType, pointer);
        }
    }

    /** The input as floats (float32 inputs only), as {@link #tensor()} holds it; refilled by each prepare. */
    FloatBuffer floats() {
        if (type != ElementType.FLOAT) {
            throw new IllegalStateException("the input is " + type + ", not float32");
        }
        return buffer.duplicate().order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    /** The input tensor, refilled by each {@link #prepare} call. Owned by this Preprocessor. */
    public OnnxTensor tensor() {
        return tensor;
    }

    /** Fills {@link #tensor()} from a BGR 8-bit image and says how the image was fitted. */
    public InputTransform prepare(Mat bgr) {
        if (bgr.channels() != 3 || bgr.depth() != CV_8U) {
            throw new IllegalArgumentException("expected an 8-bit BGR image, got " + bgr.channels()
                    + " channels of depth " + bgr.depth());
        }
        int sw = bgr.cols();
        int sh = bgr.rows();
        Mat fitted;
        InputTransform transform;
        if (settings.fit() == Fit.CENTER_CROP) {
            return centreCrop(bgr, sw, sh);
        }
        if (settings.letterbox() || settings.fit() == Fit.PAD) {
            boolean pad = settings.fit() == Fit.PAD;
            // PAD: no resize unless the image is larger than the input (then shrink to fit, aspect kept)
            double s = Math.min(width / (double) sw, height / (double) sh);
            if (pad) {
                s = Math.min(1, s);
            }
            int nw = Math.max(1, Math.min(width, (int) Math.round(sw * s)));
            int nh = Math.max(1, Math.min(height, (int) Math.round(sh * s)));
            Mat scaled = sizeTo(bgr, nw, nh);
            boolean centred = settings.fit() == Fit.LETTERBOX;
            int left = centred ? (width - nw) / 2 : 0;
            int top = centred ? (height - nh) / 2 : 0;
            double padValue = pad ? 0 : LETTERBOX_GREY;
            if (nw == width && nh == height) {
                fitted = scaled;
            } else if (settings.nchw()) {
                // write the image into its window of each plane; the bars are filled once per geometry
                fillWindow(scaled, left, top, nw, nh, padValue);
                return new InputTransform(sw, sh, width, height, nw / (double) sw, nh / (double) sh, left, top);
            } else {
                copyMakeBorder(scaled, boxed, top, height - nh - top, left, width - nw - left, BORDER_CONSTANT,
                        new Scalar(padValue, padValue, padValue, 0));
                fitted = boxed;
            }
            transform = new InputTransform(sw, sh, width, height, nw / (double) sw, nh / (double) sh, left, top);
        } else {
            fitted = sizeTo(bgr, width, height);
            transform = new InputTransform(sw, sh, width, height, width / (double) sw, height / (double) sh, 0, 0);
        }
        fill(fitted);
        return transform;
    }

    /** Shorter side to input / cropRatio (torchvision Resize), then the centre input-sized window (CenterCrop). */
    private InputTransform centreCrop(Mat bgr, int sw, int sh) {
        double s = Math.max(width, height) / settings.cropRatio() / Math.min(sw, sh);
        int nw = Math.max(width, (int) Math.round(sw * s));
        int nh = Math.max(height, (int) Math.round(sh * s));
        Mat scaled = sizeTo(bgr, nw, nh);
        int left = (int) Math.round((nw - width) / 2.0);
        int top = (int) Math.round((nh - height) / 2.0);
        try (Rect r = new Rect(left, top, width, height); Mat window = new Mat(scaled, r)) {
            fill(window);
        }
        return new InputTransform(sw, sh, width, height, nw / (double) sw, nh / (double) sh, -left, -top);
    }

    private void fillWindow(Mat scaled, int left, int top, int nw, int nh, double padValue) {
        Window w = new Window(left, top, nw, nh, padValue);
        if (!w.equals(window)) {
            closeWindows();
            try (Rect r = new Rect(left, top, nw, nh)) {
                for (int c = 0; c < 3; c++) {
                    planes[c].put(new Scalar(padValue * alpha[c] + beta[c]));
                    windows[c] = new Mat(planes[c], r);
                }
            }
            window = w;
        }
        split(scaled, channels);
        for (int c = 0; c < 3; c++) {
            channels.get(sourceChannel(c)).convertTo(windows[c], type.depth, alpha[c], beta[c]);
        }
    }

    private void closeWindows() {
        window = null;
        for (int c = 0; c < 3; c++) {
            if (windows[c] != null) {
                windows[c].close();
                windows[c] = null;
            }
        }
    }

    private Mat sizeTo(Mat src, int w, int h) {
        if (src.cols() == w && src.rows() == h) {
            return src;
        }
        resize(src, resized, new Size(w, h), 0, 0, INTER_LINEAR);
        return resized;
    }

    private void fill(Mat fitted) {
        closeWindows(); // the whole tensor is rewritten: bars from an earlier letterbox are gone
        if (settings.nchw()) {
            split(fitted, channels);
            for (int c = 0; c < 3; c++) {
                channels.get(sourceChannel(c)).convertTo(planes[c], type.depth, alpha[c], beta[c]);
            }
            return;
        }
        Mat inOrder = fitted;
        if (settings.rgb()) {
            cvtColor(fitted, swapped, COLOR_BGR2RGB);
            inOrder = swapped;
        }
        if (uniform) {
            inOrder.convertTo(packed, packed.type(), alpha[0], beta[0]);
            return;
        }
        split(inOrder, channels);
        for (int c = 0; c < 3; c++) {
            channels.get(c).convertTo(convertedChannels[c], type.depth, alpha[c], beta[c]);
            ordered.put(c, convertedChannels[c]);
        }
        merge(ordered, packed);
    }

    /** BGR source channel feeding model channel c. */
    private int sourceChannel(int c) {
        return settings.rgb() ? 2 - c : c;
    }

    @Override
    public void close() {
        closeWindows();
        tensor.close();
        for (Mat m : planes) {
            if (m != null) {
                m.close();
            }
        }
        if (packed != null) {
            packed.close();
        }
        resized.close();
        boxed.close();
        swapped.close();
        channels.close();
        ordered.close();
        for (Mat m : convertedChannels) {
            m.close();
        }
        pointer.close();
    }
}
