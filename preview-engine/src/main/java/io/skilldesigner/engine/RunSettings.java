package io.skilldesigner.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.SecretEnvironment;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.ResolvedSettings;
import io.skilldesigner.core.validation.SettingsResolver;

/**
 * A node's settings for a run, built once per node: skill-core's {@link SettingsResolver} (coerced, defaults
 * filled in, {@code $param} resolved), secrets filled from the environment, the type's own checks (which need the
 * resolved values), and the result as the {@link EffectiveSettings} its runtime factory gets.
 */
final class RunSettings {
    private RunSettings() {
    }

    record Result(EffectiveSettings settings, List<Problem> problems) {
        Result {
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
        List<Problem> problems = new ArrayList<>(resolved.problems());
        Map<String, Object> values = new LinkedHashMap<>(resolved.values());
        Set<String> containerOnly = type.containerOnlySettings(values);
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
        EffectiveSettings effective;
        try {
            effective = EffectiveSettings.of(type, node.id(), values);
        } catch (IllegalArgumentException e) {
            // e.g. a secret filled in where a number belongs: the error names node and key
            problems.add(Problem.error(node.id(), "", e.getMessage()));
            effective = EffectiveSettings.defaults(type, node.id());
        }
        return new Result(effective, problems);
    }

    private static Object expand(Object value, SecretEnvironment secrets) {
        if (value instanceof String s && SecretEnvironment.hasPlaceholder(s)) {
            return secrets.expand(s);
        }
        if (value instanceof Map<?, ?> m && m.values().stream().anyMatch(v -> v instanceof String s
                && SecretEnvironment.hasPlaceholder(s))) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), expand(v, secrets)));
            return copy;
        }
        return value;
    }
}
