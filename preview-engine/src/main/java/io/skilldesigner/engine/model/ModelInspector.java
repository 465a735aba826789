package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.bytedeco.opencv.opencv_core.Mat;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import io.skilldesigner.core.model.ModelIo;

/** Reads a model's inputs and outputs and recognises its output layout. */
public final class ModelInspector {
    private final ModelSessions sessions;

    public ModelInspector(ModelSessions sessions) {
        this.sessions = sessions;
    }

    /** Opens (or reuses) the CPU session of the file and inspects it. */
    public ModelIo inspect(String modelName, Path file) {
        return inspect(modelName, sessions.open(modelName, file, false));
    }

    /**
     * Inputs, outputs and the recognised layout: candidates from the shapes (and the class names in the
     * metadata), each run on the project's probe images and judged; the verdict is cached in the session.
     */
    public static ModelIo inspect(String modelName, ModelSession session) {
        return session.inspected(() -> inspect(modelName, session, null));
    }

    /**
     * As {@link #inspect(String, ModelSession)}, with the user's own image (BGR) probed as well; not cached.
     *
     * @param userImage an image the user gave, or null
     */
    public static ModelIo inspect(String modelName, ModelSession session, Mat userImage) {
        try {
            OrtSession s = session.session();
            List<io.skilldesigner.core.model.TensorInfo> in = tensors(s.getInputInfo());
            List<io.skilldesigner.core.model.TensorInfo> out = tensors(s.getOutputInfo());
            Map<String, String> md = metadata(modelName, session);
            OptionalInt named = ModelNames.fromMetadata(md).map(n -> OptionalInt.of(n.names().size()))
                    .orElse(OptionalInt.empty());
            List<LayoutGuess> candidates = LayoutDetector.candidates(in, out, named);
            ModelIo shapes = new ModelIo(in, out, null, 0, "");
            List<Mat> probes = ProbeImages.make();
            try {
                List<Mat> images = new ArrayList<>(probes);
                if (userImage != null) {
                    images.add(userImage);
                }
                List<LayoutProbe.Finding> findings = LayoutProbe.run(session, shapes, candidates, md, images);
                LayoutGuess guess = LayoutDetector.decide(candidates, findings);
                return new ModelIo(in, out, guess.layout(), guess.confidence(), guess.evidence());
            } finally {
                probes.forEach(Mat::close);
            }
        } catch (OrtException e) {
            throw ModelException.of(modelName, session.file(), "cannot read inputs/outputs: " + e.getMessage(), e);
        }
    }

    /** The model's custom metadata (ONNX metadata_props), e.g. pre-processing hints of our generated models. */
    public static Map<String, String> metadata(String modelName, ModelSession session) {
        try {
            return Map.copyOf(session.session().getMetadata().getCustomMetadata());
        } catch (OrtException e) {
            throw ModelException.of(modelName, session.file(), "cannot read metadata: " + e.getMessage(), e);
        }
    }

    private static List<io.skilldesigner.core.model.TensorInfo> tensors(Map<String, NodeInfo> infos) {
        List<io.skilldesigner.core.model.TensorInfo> out = new ArrayList<>();
        for (NodeInfo n : infos.values()) {
            if (n.getInfo() instanceof TensorInfo t) {
                List<Long> shape = Arrays.stream(t.getShape()).boxed().toList();
                out.add(new io.skilldesigner.core.model.TensorInfo(n.getName(), t.type.name(), shape));
            } else {
                out.add(new io.skilldesigner.core.model.TensorInfo(n.getName(), n.getInfo().toString(), List.of()));
            }
        }
        return out;
    }
}
