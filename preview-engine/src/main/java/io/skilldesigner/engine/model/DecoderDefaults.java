package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.Fit;
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
 * <li>YOLOX: BGR 0..255, letterbox at the top-left, score 0.3, IoU 0.45. UltraFace raw: as UltraFace.
 * RetinaFace: BGR − (104, 117, 123), plain resize, 0.6 / 0.4. YuNet: BGR 0..255, padded (no resize), 0.9 / 0.3.
 * FastestDet-style grid: BGR / 255, plain resize, 0.65 / 0.4.</li>
 * <li>Classification: the Caffe2 SqueezeNet export (input {@code data_0}) takes BGR 0..255; other classifiers
 * get torchvision's ImageNet evaluation transform (resize shorter side to 256, centre crop 224, RGB, /255, mean
 * 0.485/0.456/0.406, std 0.229/0.224/0.225).</li>
 * </ul>
 * A model may carry its own hints as ONNX metadata (our generated models do): {@code sd.rgb} (true/false),
 * {@code sd.letterbox}, {@code sd.fit} (a {@link Fit} name), {@code sd.cropRatio}, {@code sd.scale}, {@code sd.mean}
 * and {@code sd.std} ("a,b,c").
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
        List<Double> ultraMean = List.of(127.0, 127.0, 127.0);
        List<Double> ultraStd = List.of(128.0, 128.0, 128.0);
        return switch (l) {
            case YOLOV5, YOLOV8, NMS_INCLUDED -> new DecoderSettings(l, w, h, true, true, nchw, 1 / 255.0, null,
                    null, 0.25, 0.45, 100, null);
            // official YOLOX export: BGR 0..255, image at the top-left of a grey canvas; demo threshold 0.3
            case YOLOX -> settings(l, w, h, Fit.LETTERBOX_TOP_LEFT, false, nchw, 1, null, null, 0.3, 0.45, 100);
            case ULTRAFACE, ULTRAFACE_RAW -> settings(l, w, h, Fit.STRETCH, true, nchw, 1, ultraMean, ultraStd, 0.7,
                    0.3, 200);
            // biubug6 RetinaFace: BGR minus (104, 117, 123), no scaling; display threshold 0.6, NMS 0.4
            case RETINAFACE -> settings(l, w, h, Fit.STRETCH, false, nchw, 1, List.of(104.0, 117.0, 123.0), null,
                    0.6, 0.4, 200);
            // YuNet as OpenCV's FaceDetectorYN: BGR 0..255, no resize (padded to a multiple of 32); 0.9, NMS 0.3
            case YUNET -> settings(l, w, h, Fit.PAD, false, nchw, 1, null, null, 0.9, 0.3, 200);
            case YOLO_GRID -> new DecoderSettings(l, w, h, false, false, nchw, 1, null, null, 0.10, 0.45, 20,
                    DecoderSettings.CUSTOM_VISION_ANCHORS);
            // FastestDet's own demo: BGR / 255, plain resize, 0.65, NMS 0.4
            case ANCHOR_FREE_GRID -> settings(l, w, h, Fit.STRETCH, false, nchw, 1 / 255.0, null, null, 0.65, 0.4,
                    100);
            case SSD -> uint8
                    ? new DecoderSettings(l, w, h, false, true, nchw, 1, null, null, 0.5, 0.45, 100, null)
                    : new DecoderSettings(l, w, h, false, true, nchw, 1, List.of(127.5, 127.5, 127.5),
                    List.of(127.5, 127.5, 127.5), 0.5, 0.45, 100, null);
            // classifiers keep the top k (threshold 0)
            case CLASSIFICATION -> "data_0".equals(inputName)
                    ? new DecoderSettings(l, w, h, false, false, nchw, 1, null, null, 0.0, 0.45, 5, null)
                    : settings(l, w, h, uint8 ? Fit.STRETCH : Fit.CENTER_CROP, true, nchw, uint8 ? 1 : 1 / 255.0,
                    uint8 ? null : List.of(0.485, 0.456, 0.406), uint8 ? null : List.of(0.229, 0.224, 0.225),
                    0.0, 0.45, 5);
        };
    }

    private static DecoderSettings settings(OutputLayout l, int w, int h, Fit fit, boolean rgb, boolean nchw,
                                            double scale, List<Double> mean, List<Double> std, double score,
                                            double iou, int max) {
        return new DecoderSettings(l, w, h, fit, rgb, nchw, scale, mean, std, score, iou, max, null,
                DecoderSettings.IMAGENET_CROP, null);
    }

    private static DecoderSettings withHints(DecoderSettings d, Map<String, String> md) {
        if (md == null || md.keySet().stream().noneMatch(k -> k.startsWith("sd."))) {
            return d;
        }
        boolean rgb = md.containsKey("sd.rgb") ? Boolean.parseBoolean(md.get("sd.rgb")) : d.rgb();
        Fit fit = md.containsKey("sd.fit") ? Fit.valueOf(md.get("sd.fit").strip().toUpperCase(java.util.Locale.ROOT))
                : md.containsKey("sd.letterbox") ? (Boolean.parseBoolean(md.get("sd.letterbox")) ? Fit.LETTERBOX
                : Fit.STRETCH) : d.fit();
        double scale = md.containsKey("sd.scale") ? Double.parseDouble(md.get("sd.scale")) : d.scale();
        List<Double> mean = md.containsKey("sd.mean") ? triple(md.get("sd.mean")) : d.mean();
        List<Double> std = md.containsKey("sd.std") ? triple(md.get("sd.std")) : d.std();
        double crop = md.containsKey("sd.cropRatio") ? Double.parseDouble(md.get("sd.cropRatio")) : d.cropRatio();
        return new DecoderSettings(d.layout(), d.inputWidth(), d.inputHeight(), fit, rgb, d.nchw(), scale, mean,
                std, d.scoreThreshold(), d.iouThreshold(), d.maxDetections(), d.anchors(), crop, null);
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
