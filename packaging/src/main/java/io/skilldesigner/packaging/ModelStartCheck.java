package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SettingsResolver;
import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelRunner;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;

/**
 * Opens every model of a skill as the device's engine opens it when the skill starts (ONNX Runtime session,
 * output layout against the registered task, class count against the labels, one image input), so that a model
 * the device would refuse is refused at export and flagged by {@code validate}, with the engine's own reason,
 * rather than the package failing to start on the device. On the CPU: what a GPU adds is a provider, not a
 * different reading of the model.
 */
public final class ModelStartCheck {
    private ModelStartCheck() {
    }

    /**
     * Every model reference (any node type's MODEL_REF setting): model id by the first node using it, in node
     * order.
     */
    public static Map<String, String> modelReferences(NodeCatalog catalog, Skill skill) {
        SettingsResolver resolver = new SettingsResolver(catalog);
        Set<String> seen = new HashSet<>();
        Map<String, String> byNode = new LinkedHashMap<>();
        for (SkillNode node : skill.nodes()) {
            for (String key : catalog.settingKeysOfType(node.typeId(), SettingType.MODEL_REF)) {
                String modelId = String.valueOf(resolver.resolve(skill, node).get(key));
                if (seen.add(modelId)) {
                    byNode.put(node.id(), modelId);
                }
            }
        }
        return byNode;
    }

    /**
     * @param references model ids by the node that first uses each ({@link #modelReferences})
     * @param models     the library (model files at absolute paths); a model it lacks is left to validation
     * @return an error per model that would not start, on the node that first uses it, with the engine's reason;
     *         empty when every one would
     */
    public static List<Problem> problems(Map<String, String> references, ModelLibrary models) {
        List<Problem> out = new ArrayList<>();
        try (ModelSessions sessions = new ModelSessions()) {
            references.forEach((nodeId, modelId) -> models.find(modelId).flatMap(d -> reason(sessions, d))
                    .ifPresent(reason -> out.add(Problem.error(nodeId, "", reason))));
        }
        return out;
    }

    /** Why the engine would refuse to open the model (file at an absolute path) at a skill's start, if it would. */
    public static Optional<String> reason(ModelSessions sessions, ModelDescriptor model) {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model, null, false))) {
            return Optional.empty(); // opened and checked as at the skill's start; nothing to run
        } catch (ModelException e) {
            return Optional.of(e.getMessage());
        }
    }
}
