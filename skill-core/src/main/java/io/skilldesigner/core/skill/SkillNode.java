package io.skilldesigner.core.skill;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One node of a skill graph. {@code settings} hold plain values keyed by the node type's setting keys:
 * String, Long, Double, Boolean, List&lt;String&gt; or Map&lt;String,String&gt; (see
 * {@link io.skilldesigner.core.catalog.SettingType}). Kept sorted so saved files diff cleanly.
 */
public record SkillNode(String id, String typeId, String displayName, Map<String, Object> settings, Position position) {
    public SkillNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(typeId, "typeId");
        displayName = displayName == null ? "" : displayName;
        settings = Collections.unmodifiableMap(new TreeMap<>(settings == null ? Map.of() : settings));
        position = position == null ? Position.ORIGIN : position;
    }

    public Object setting(String key) {
        return settings.get(key);
    }

    public SkillNode withSetting(String key, Object value) {
        TreeMap<String, Object> copy = new TreeMap<>(settings);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return new SkillNode(id, typeId, displayName, copy, position);
    }

    public SkillNode withSettings(Map<String, Object> newSettings) {
        return new SkillNode(id, typeId, displayName, newSettings, position);
    }

    public SkillNode withDisplayName(String name) {
        return new SkillNode(id, typeId, name, settings, position);
    }

    public SkillNode withPosition(Position p) {
        return new SkillNode(id, typeId, displayName, settings, p);
    }

    public SkillNode withId(String newId) {
        return new SkillNode(newId, typeId, displayName, settings, position);
    }
}
