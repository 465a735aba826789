package io.skilldesigner.app.models;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/** Which skills reference a model (through any MODEL_REF setting), so a model in use is not deleted. */
public final class ModelUsage {
    private final NodeCatalog catalog;

    public ModelUsage(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /** Names of the skills that use the model, in the order given. */
    public List<String> skillsUsing(String modelId, List<Skill> skills) {
        List<String> out = new ArrayList<>();
        for (Skill s : skills) {
            if (s.nodes().stream().anyMatch(n -> references(n, modelId))) {
                out.add(s.name().isBlank() ? s.id() : s.name());
            }
        }
        return out;
    }

    private boolean references(SkillNode node, String modelId) {
        return catalog.find(node.typeId()).map(t -> t.settings().stream()
                .filter(spec -> spec.type() == SettingType.MODEL_REF)
                .map(SettingSpec::key)
                .anyMatch(k -> modelId.equals(node.setting(k)))).orElse(false);
    }
}
