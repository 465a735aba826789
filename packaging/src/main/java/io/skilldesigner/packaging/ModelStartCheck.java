package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelRunner;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;

/**
 * Opens every model of a package as the device's engine opens it when the skill starts (ONNX Runtime session,
 * output layout against the registered task, class count against the labels, one image input), so that a model
 * the device would refuse is refused at export, with the engine's own reason, rather than the package failing to
 * start on the device. On the CPU: what a GPU adds is a provider, not a different reading of the model.
 */
final class ModelStartCheck {
    private ModelStartCheck() {
    }

    /**
     * @param models the package's models by the node that first uses each (model files at absolute paths)
     * @return one line per model that would not start, naming its node; empty when every one would
     */
    static List<String> problems(Map<String, ModelDescriptor> models) {
        List<String> out = new ArrayList<>();
        try (ModelSessions sessions = new ModelSessions()) {
            models.forEach((nodeId, d) -> {
                try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(d, null, false))) {
                    // opened and checked as at the skill's start; nothing to run
                } catch (ModelException e) {
                    out.add("node '" + nodeId + "': " + e.getMessage());
                }
            });
        }
        return out;
    }
}
