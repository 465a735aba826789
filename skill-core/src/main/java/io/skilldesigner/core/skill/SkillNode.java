package io.skilldesigner.core.skill;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One node of a skill graph. {@code settings} hold plain values keyed by the node type's setting keys:
 * String, Long, Double, Boolean, List&lt;String&gt; or Map&lt;String,String&gt; (see
 * {@link io.skilldesigner.core.catalog.SettingType}). Kept sorted so saved files diff cleanly.
 *
 * @param secretMarks the user's explicit "secret" ticks, by {@link io.skilldesigner.core.secrets.Secrecy#path path} (a setting key, or
 *                    {@code key/ENTRY} for an entry of a key/value list or of the {@code Env} in a JSON setting):
 *                    true marks a value secret whatever its name, false un-marks a name the heuristic took for a
 *                    secret; absent means the default (catalog flag, then {@link SecretNames})
 */
public record SkillNode(String id, String typeId, String displayName, Map<String, Object> settings, Position position,
                        Map<String, Boolean> secretMarks) {
    public SkillNode {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(typeId, "typeId");
        displayName = displayName == null ? "" : displayName;
        settings = Collections.unmodifiableMap(new TreeMap<>(settings == null ? Map.of() : settings));
        position = position == null ? Position.ORIGIN : position;
        secretMarks = Collections.unmodifiableMap(new TreeMap<>(secretMarks == null ? Map.of() : secretMarks));
    }

    public SkillNode(String id, String typeId, String displayName, Map<String, Object> settings, Position position) {
        this(id, typeId, displayName, settings, position, Map.of());
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
        return new SkillNode(id, typeId, displayName, copy, position, secretMarks);
    }

    public SkillNode withSettings(Map<String, Object> newSettings) {
        return new SkillNode(id, typeId, displayName, newSettings, position, secretMarks);
    }

    public SkillNode withDisplayName(String name) {
        return new SkillNode(id, typeId, name, settings, position, secretMarks);
    }

    public SkillNode withPosition(Position p) {
        return new SkillNode(id, typeId, displayName, settings, p, secretMarks);
    }

    public SkillNode withId(String newId) {
        return new SkillNode(newId, typeId, displayName, settings, position, secretMarks);
    }

    /** The explicit mark at {@code path}, or empty when the default applies. */
    public java.util.Optional<Boolean> secretMark(String path) {
        return java.util.Optional.ofNullable(secretMarks.get(path));
    }

    /** With the explicit mark at {@code path} set, or removed (null: back to the default). */
    public SkillNode withSecretMark(String path, Boolean secret) {
        TreeMap<String, Boolean> copy = new TreeMap<>(secretMarks);
        if (secret == null) {
            copy.remove(path);
        } else {
            copy.put(path, secret);
        }
        return new SkillNode(id, typeId, displayName, settings, position, copy);
    }
}
