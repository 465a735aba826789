package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

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

    public static ModelIo inspect(String modelName, ModelSession session) {
        try {
            OrtSession s = session.session();
            List<io.skilldesigner.core.model.TensorInfo> in = tensors(s.getInputInfo());
            List<io.skilldesigner.core.model.TensorInfo> out = tensors(s.getOutputInfo());
            LayoutGuess guess = LayoutDetector.detect(in, out);
            return new ModelIo(in, out, guess.layout(), guess.confidence(), guess.evidence());
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
