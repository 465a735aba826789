package io.skilldesigner.core.validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A node's effective settings: coerced to the catalog's types, defaults filled in, {@code $param(NAME)} resolved
 * from the skill's parameters.
 *
 * @param values     every setting with a value; a placeholder that could not be resolved (undefined, or left to
 *                   the deployment) stays as its {@code $param(NAME)} text; unknown keys are passed on unchanged
 * @param problems   values that could not be coerced, parameters used but not defined, parameters left to the
 *                   deployment (warnings); only for settings that are enabled
 * @param failedKeys keys whose value could not be coerced (absent from {@code values}, default not used)
 */
public record ResolvedSettings(Map<String, Object> values, List<Problem> problems, Set<String> failedKeys) {
    public ResolvedSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        problems = List.copyOf(problems);
        failedKeys = Set.copyOf(failedKeys);
    }

    /** True when no problem is an error: the values can be used to run the node. */
    public boolean isUsable() {
        return problems.stream().noneMatch(Problem::isError);
    }

    public Object get(String key) {
        return values.get(key);
    }

    /**
     * Keys whose value still holds a {@code $param(NAME)} placeholder (undefined, or left to the deployment): a
     * runtime cannot use these values as they are.
     */
    public Set<String> placeholderKeys() {
        Set<String> out = new LinkedHashSet<>();
        values.forEach((k, v) -> {
            if (!SettingsResolver.paramNames(v).isEmpty()) {
                out.add(k);
            }
        });
        return out;
    }
}
