package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/**
 * The CLI's {@code inspect} output for a model file: inputs, outputs, the recognised layout with its evidence,
 * the class count against the label file, the proposed decoder settings and the providers this build has.
 */
public final class ModelInspectReport {
    private final ModelSessions sessions;

    /** The report's text and the decoder settings it proposes. */
    public record Inspection(String text, DecoderSettings proposed) {
    }

    public ModelInspectReport(ModelSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param labels label file to check against the class count, or null
     * @throws ModelException when the model cannot be opened
     */
    public String report(Path model, Path labels) {
        return report(model, labels, null);
    }

    /**
     * @param image the user's own image to probe the layout with as well, or null
     * @throws ModelException when the model cannot be opened, or its outputs are not supported ("not supported:
     *                        why; supported layouts: ..."), after the inputs and outputs are known
     */
    public String report(Path model, Path labels, Path image) {
        return inspect(model, labels, image).text();
    }

    /** As {@link #report(Path, Path, Path)}, with the proposed decoder settings (a try-out runs with them). */
    public Inspection inspect(Path model, Path labels, Path image) {
        String name = model.getFileName().toString();
        ModelSession session = sessions.open(name, model, false);
        ModelIo io;
        if (image == null) {
            io = ModelInspector.inspect(name, session);
        } else {
            try (org.bytedeco.opencv.opencv_core.Mat bgr = ModelTryOut.read(image)) {
                io = ModelInspector.inspect(name, session, bgr);
            }
        }
        Map<String, String> metadata = ModelInspector.metadata(name, session);
        DecoderSettings d = DecoderDefaults.propose(io, null, metadata);
        StringBuilder sb = new StringBuilder();
        sb.append("Model: ").append(model).append('\n');
        sb.append("SHA-256: ").append(session.sha256()).append('\n');
        sb.append("Inputs:\n");
        io.inputs().forEach(t -> sb.append("  ").append(describe(t)).append('\n'));
        sb.append("Outputs:\n");
        io.outputs().forEach(t -> sb.append("  ").append(describe(t)).append('\n'));
        if (io.detectedLayout() == null) {
            throw new UnsupportedModelException(sb + "not supported: " + io.layoutEvidence() + "; supported layouts: "
                    + LayoutDetector.SUPPORTED);
        }
        sb.append(String.format(Locale.ROOT, "Layout: %s (confidence %.2f): %s%n", io.detectedLayout(),
                io.layoutConfidence(), io.layoutEvidence()));
        sb.append("Task: ").append(io.detectedLayout() == OutputLayout.CLASSIFICATION ? "classification"
                : "detection").append(" (from the layout)\n");
        OptionalInt classes = ClassCount.of(io, io.detectedLayout(), d);
        ModelNames names = ModelNames.of(labels, metadata);
        Optional<String> mismatch = ClassCount.mismatch(io, io.detectedLayout(), d, names.names());
        sb.append("Class names: ").append(names.isEmpty() ? "" : names.names().size() + " from ")
                .append(names.source())
                .append(names.isEmpty() ? "" : ": " + preview(names.names()))
                .append(mismatch.map(m -> " — WARNING: " + m).orElse(classes.isPresent() && !names.isEmpty()
                        ? " (match)" : ""))
                .append('\n');
        if (classes.isPresent()) {
            sb.append("Classes in the output: ").append(classes.getAsInt()).append('\n');
        }
        sb.append("Proposed decoder: ").append(describe(d)).append('\n');
        sb.append("Providers in this build: ").append(ModelSessions.availableProviders()).append('\n');
        sb.append("This inspection ran on: ").append(session.provider().provider()).append(
                ModelSessions.availableProviders().contains(ai.onnxruntime.OrtProvider.CUDA) ? ""
                        : " (a skill asking for a GPU would run on CPU: neither TensorRT nor CUDA in this build)")
                .append('\n');
        return new Inspection(sb.toString(), d);
    }

    private static String preview(List<String> names) {
        return names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5)) + ", ...";
    }

    static String describe(TensorInfo t) {
        return t.name() + " " + t.elementType() + " " + t.shape();
    }

    static String describe(DecoderSettings d) {
        String fit = switch (d.fit()) {
            case STRETCH -> "resize";
            case LETTERBOX -> "letterbox";
            case LETTERBOX_TOP_LEFT -> "letterbox at top-left";
            case PAD -> "no resize, pad to a multiple of 32";
            case CENTER_CROP -> "shorter side to " + Math.round(Math.max(d.inputWidth(), d.inputHeight()) / d.cropRatio())
                    + " + centre crop";
        };
        return String.format(Locale.ROOT, "input %dx%d %s %s, %s, pixel*%s - mean %s / std %s, score >= %s,"
                        + " NMS IoU %s, max %d%s", d.inputWidth(), d.inputHeight(), d.nchw() ? "NCHW" : "NHWC",
                d.rgb() ? "RGB" : "BGR", fit, num(d.scale()), d.mean(), d.std(),
                num(d.scoreThreshold()), num(d.iouThreshold()), d.maxDetections(),
                d.anchors().isEmpty() ? "" : ", anchors " + d.anchors());
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
