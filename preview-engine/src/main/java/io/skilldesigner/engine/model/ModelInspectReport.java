package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.TensorInfo;

/**
 * The CLI's {@code inspect} output for a model file: inputs, outputs, the recognised layout with its evidence,
 * the class count against the label file, the proposed decoder settings and the providers this build has.
 */
public final class ModelInspectReport {
    private final ModelSessions sessions;

    public ModelInspectReport(ModelSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * @param labels label file to check against the class count, or null
     * @throws ModelException when the model cannot be opened
     */
    public String report(Path model, Path labels) {
        String name = model.getFileName().toString();
        ModelSession session = sessions.open(name, model, false);
        ModelIo io = ModelInspector.inspect(name, session);
        DecoderSettings d = DecoderDefaults.propose(io, null, ModelInspector.metadata(name, session));
        StringBuilder sb = new StringBuilder();
        sb.append("Model: ").append(model).append('\n');
        sb.append("SHA-256: ").append(session.sha256()).append('\n');
        sb.append("Inputs:\n");
        io.inputs().forEach(t -> sb.append("  ").append(describe(t)).append('\n'));
        sb.append("Outputs:\n");
        io.outputs().forEach(t -> sb.append("  ").append(describe(t)).append('\n'));
        if (io.detectedLayout() == null) {
            sb.append("Layout: not recognised: ").append(io.layoutEvidence()).append('\n');
        } else {
            sb.append(String.format(Locale.ROOT, "Layout: %s (confidence %.2f): %s%n", io.detectedLayout(),
                    io.layoutConfidence(), io.layoutEvidence()));
        }
        OptionalInt classes = ClassCount.of(io, io.detectedLayout(), d);
        if (labels != null) {
            List<String> l = LabelFile.read(labels);
            Optional<String> mismatch = ClassCount.mismatch(io, io.detectedLayout(), d, l);
            sb.append("Labels: ").append(l.size()).append(" in ").append(labels)
                    .append(mismatch.map(m -> " — WARNING: " + m).orElse(classes.isPresent() ? " (match)" : ""))
                    .append('\n');
        } else if (classes.isPresent()) {
            sb.append("Classes: ").append(classes.getAsInt()).append('\n');
        }
        sb.append("Proposed decoder: ").append(describe(d)).append('\n');
        sb.append("Providers in this build: ").append(ModelSessions.availableProviders()).append('\n');
        sb.append("This inspection ran on: ").append(session.provider().provider()).append(
                ModelSessions.availableProviders().contains(ai.onnxruntime.OrtProvider.CUDA) ? ""
                        : " (a skill asking for CUDA would run on CPU: no CUDA provider in this build)").append('\n');
        return sb.toString();
    }

    static String describe(TensorInfo t) {
        return t.name() + " " + t.elementType() + " " + t.shape();
    }

    static String describe(DecoderSettings d) {
        return String.format(Locale.ROOT, "input %dx%d %s %s, %s, pixel*%s - mean %s / std %s, score >= %s,"
                        + " NMS IoU %s, max %d%s", d.inputWidth(), d.inputHeight(), d.nchw() ? "NCHW" : "NHWC",
                d.rgb() ? "RGB" : "BGR", d.letterbox() ? "letterbox" : "resize", num(d.scale()), d.mean(), d.std(),
                num(d.scoreThreshold()), num(d.iouThreshold()), d.maxDetections(),
                d.anchors().isEmpty() ? "" : ", anchors " + d.anchors());
    }

    private static String num(double v) {
        String s = String.format(Locale.ROOT, "%.6g", v);
        return s.contains(".") && !s.contains("e") ? s.replaceAll("\\.?0+$", "") : s;
    }
}
