package io.skilldesigner.engine;

import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.ResolvedSettings;
import io.skilldesigner.core.validation.SettingsResolver;

/**
 * A node's settings as its runtime gets them: skill-core's {@link SettingsResolver} (coerced, defaults filled
 * in, {@code $param} resolved) plus the type's own checks, which need the resolved values.
 */
final class EffectiveSettings {
    private EffectiveSettings() {
    }

    record Result(Map<String, Object> settings, List<Problem> problems) {
        Result {
            settings = Map.copyOf(settings);
            problems = List.copyOf(problems);
        }
    }

    static Result resolve(NodeCatalog catalog, Skill skill, SkillNode node, NodeType type) {
        ResolvedSettings resolved = new SettingsResolver(catalog).resolve(node, type, skill.parameters());
        List<Problem> problems = new java.util.ArrayList<>(resolved.problems());
        if (resolved.isUsable()) {
            problems.addAll(type.checkSettings(node, resolved.values()));
        }
        return new Result(resolved.values(), problems);
    }
}
