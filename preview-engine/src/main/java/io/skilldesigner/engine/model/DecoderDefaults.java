package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/**
 * Proposes pre/post-processing for a model from its inputs and layout, following what the known model families
 * were trained with:
 * <ul>
 * <li>YOLOv5/v8 and NMS-included exports: RGB, /255, letterbox (grey 114 padding), score 0.25, IoU 0.45.</li>
 * <li>UltraFace: RGB, (p − 127) / 128, plain resize, score 0.7, IoU 0.3.</li>
 * <li>Custom Vision / Tiny-YOLOv2 grid: BGR, 0..255 without mean, plain resize, KAN's 0.10 / 0.45 / 20.</li>
 * <li>SSD: RGB, plain resize; uint8 inputs raw, float inputs (p − 127.5) / 127.5.</li>
 * <li>Classification: the Caffe2 SqueezeNet export (input {@code data_0}) takes BGR 0..255; other classifiers
 * get torchvision's ImageNet normalisation (RGB, /255, mean 0.485/0.456/0.406, std 0.229/0.224/0.225).</li>
 * </ul>
 * A model may carry its own hints as ONNX metadata (our generated models do): {@code sd.rgb} (true/false),
 * {@code sd.letterbox}, {@code sd.scale}, {@code sd.mean} and {@code sd.std} ("a,b,c").
 */
public final class DecoderDefaults {
    public static final int DYNAMIC_INPUT_SIZE = 640;

    private DecoderDefaults() {
    }

    public static DecoderSettings propose(ModelIo io, OutputLayout layout, Map<String, String> metadata) {
        TensorInfo input = io.inputs().isEmpty() ? null : io.inputs().get(0);
        boolean nchw = input == null || !isNhwc(input.shape());
        long[] hw = LayoutDetector.inputSize(io.inputs());
        int h = hw == null ? DYNAMIC_INPUT_SIZE : (int) hw[0];
        int w = hw == null ? DYNAMIC_INPUT_SIZE : (int) hw[1];
        boolean uint8 = input != null && input.elementType().equals("UINT8");
        OutputLayout l = layout == null ? io.detectedLayout() : layout;
        DecoderSettings d = preset(l, w, h, nchw, uint8, input == null ? "" : input.name());
        return withHints(d, metadata);
    }

    private static DecoderSettings preset(OutputLayout l, int w, int h, boolean nchw, boolean uint8, String inputName) {
        if (l == null) {
            return new DecoderSettings(null, w, h, false, true, nchw, uint8 ? 1 : 1 / 255.0, null, null, 0.5, 0.45,
                    100, null);
        }
        return switch (l) {
            case YOLOV5, YOLOV8, NMS_INCLUDED -> new DecoderSettings(l, w, h, true, true, nchw, 1 / 255.0, null,
                    null, 0.25, 0.45, 100, null);
            case ULTRAFACE -> new DecoderSettings(l, w, h, false, true, nchw, 1, List.of(127.0, 127.0, 127.0),
                    List.of(128.0, 128.0, 128.0), 0.7, 0.3, 200, null);
            case YOLO_GRID -> new DecoderSettings(l, w, h, false, false, nchw, 1, null, null, 0.10, 0.45, 20,
                    DecoderSettings.CUSTOM_VISION_ANCHORS);
            case SSD -> uint8
                    ? new DecoderSettings(l, w, h, false, true, nchw, 1, null, null, 0.5, 0.45, 100, null)
                    : new DecoderSettings(l, w, h, false, true, nchw, 1, List.of(127.5, 127.5, 127.5),
                    List.of(127.5, 127.5, 127.5), 0.5, 0.45, 100, null);
            case CLASSIFICATION -> "data_0".equals(inputName)
                    ? new DecoderSettings(l, w, h, false, false, nchw, 1, null, null, 0.0, 0.45, 5, null)
                    : new DecoderSettings(l, w, h, false, true, nchw, uint8 ? 1 : 1 / 255.0,
                    uint8 ? null : List.of(0.485, 0.456, 0.406), uint8 ? null : List.of(0.229, 0.224, 0.225),
                    0.0, 0.45, 5, null);
        };
    }

    private static DecoderSettings withHints(DecoderSettings d, Map<String, String> md) {
        if (md == null || md.keySet().stream().noneMatch(k -> k.startsWith("sd."))) {
            return d;
        }
        boolean rgb = md.containsKey("sd.rgb") ? Boolean.parseBoolean(md.get("sd.rgb")) : d.rgb();
        boolean letterbox = md.containsKey("sd.letterbox") ? Boolean.parseBoolean(md.get("sd.letterbox"))
                : d.letterbox();
        double scale = md.containsKey("sd.scale") ? Double.parseDouble(md.get("sd.scale")) : d.scale();
        List<Double> mean = md.containsKey("sd.mean") ? triple(md.get("sd.mean")) : d.mean();
        List<Double> std = md.containsKey("sd.std") ? triple(md.get("sd.std")) : d.std();
        return new DecoderSettings(d.layout(), d.inputWidth(), d.inputHeight(), letterbox, rgb, d.nchw(), scale, mean,
                std, d.scoreThreshold(), d.iouThreshold(), d.maxDetections(), d.anchors());
    }

    private static List<Double> triple(String csv) {
        List<Double> out = new ArrayList<>();
        for (String p : csv.split(",")) {
            out.add(Double.parseDouble(p.strip()));
        }
        return out;
    }

    static boolean isNhwc(List<Long> shape) {
        return shape.size() == 4 && LayoutDetector.isChannels(shape.get(3)) && !LayoutDetector.isChannels(shape.get(1));
    }
}
