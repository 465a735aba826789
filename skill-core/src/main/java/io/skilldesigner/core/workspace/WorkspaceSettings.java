package io.skilldesigner.core.workspace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The workspace's own settings ({@code settings.json}): named text values, kept in insertion order. */
public record WorkspaceSettings(Map<String, String> values) {
    public WorkspaceSettings {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static WorkspaceSettings empty() {
        return new WorkspaceSettings(Map.of());
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public WorkspaceSettings with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new WorkspaceSettings(copy);
    }
}
