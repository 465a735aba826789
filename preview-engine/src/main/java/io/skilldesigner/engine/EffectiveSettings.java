package io.skilldesigner.engine;

import io.skilldesigner.core.skill.SecretEnvironment;

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
        return resolve(catalog, skill, node, type, SecretEnvironment.system());
    }

    /**
     * As above; secret placeholders of an exported package ({@code ${SD_SECRET_...}}) are filled from
     * {@code secrets}, and an unset one is an error on its setting (naming the variable, never a value).
     */
    static Result resolve(NodeCatalog catalog, Skill skill, SkillNode node, NodeType type, SecretEnvironment secrets) {
        ResolvedSettings resolved = new SettingsResolver(catalog).resolve(node, type, skill.parameters());
        List<Problem> problems = new java.util.ArrayList<>(resolved.problems());
        Map<String, Object> values = new java.util.LinkedHashMap<>(resolved.values());
        java.util.Set<String> containerOnly = type.containerOnlySettings(values);
        for (Map.Entry<String, Object> e : values.entrySet()) {
            if (containerOnly.contains(e.getKey())) {
                continue;  // its container gets these secrets, the runtime does not (and need not) have them
            }
            try {
                e.setValue(expand(e.getValue(), secrets));
            } catch (IllegalStateException missing) {
                problems.add(Problem.error(node.id(), e.getKey(), missing.getMessage()));
            }
        }
        if (resolved.isUsable()) {
            problems.addAll(type.checkSettings(node, values));
        }
        return new Result(values, problems);
    }

    private static Object expand(Object value, SecretEnvironment secrets) {
        if (value instanceof String s && SecretEnvironment.hasPlaceholder(s)) {
            return secrets.expand(s);
        }
        if (value instanceof Map<?, ?> m && m.values().stream().anyMatch(v -> v instanceof String s
                && SecretEnvironment.hasPlaceholder(s))) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), expand(v, secrets)));
            return copy;
        }
        return value;
    }
}
