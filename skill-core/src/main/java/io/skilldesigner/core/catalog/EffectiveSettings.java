package io.skilldesigner.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.skill.SkillNode;

/**
 * A node's settings as its runtime reads them: the catalog's defaults merged with the node's values, each value
 * converted to its {@link SettingType}'s canonical Java type. Built once ({@link #of}) and handed to the node's
 * runtime factory, so no runtime merges defaults or converts values itself.
 * <p>
 * Values are expected to be resolved already ({@code $param} and secrets, by the engine through
 * {@code SettingsResolver}); a placeholder still present is passed through by the conversion and refused, with its
 * node and key, when the runtime reads it.
 *
 * @param nodeId the node the settings belong to (named in every error)
 * @param typeId the node's catalog type
 * @param values every setting with a value, in canonical types; keys the type does not define are kept as given
 */
public record EffectiveSettings(String nodeId, String typeId, Map<String, Object> values) {
    /** A value that cannot be its setting's type; the message names node, key, label and the value. */
    public static final class InvalidValue extends IllegalArgumentException {
        private final String key;
        private final transient Object value;
        private final String reason;

        InvalidValue(String message, String key, Object value, String reason, Throwable cause) {
            super(message, cause);
            this.key = key;
            this.value = value;
            this.reason = reason;
        }

        public String key() {
            return key;
        }

        public Object value() {
            return value;
        }

        /** Why, without where (e.g. "expected a whole number, got 'soon'"). */
        public String reason() {
            return reason;
        }
    }

    public EffectiveSettings {
        // LinkedHashMap, not Map.copyOf: keeps the catalog's order of the settings
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /**
     * The type's defaults merged with {@code settings} (a null value counts as unset), each converted by its
     * setting's type.
     *
     * @throws InvalidValue naming node, key and the bad value when one cannot be converted
     */
    public static EffectiveSettings of(NodeType type, String nodeId, Map<String, ?> settings) {
        return merge(type, nodeId, settings, true);
    }

    /** The node's own stored settings, made effective. */
    public static EffectiveSettings of(NodeType type, SkillNode node) {
        return of(type, node.id(), node.settings());
    }

    /**
     * As {@link #of(NodeType, SkillNode)}, but a value that cannot be converted is kept as stored: for forms and
     * warnings that show a skill as it is while the validator reports the bad value.
     */
    public static EffectiveSettings lenient(NodeType type, SkillNode node) {
        return lenient(type, node.id(), node.settings());
    }

    /** As {@link #lenient(NodeType, SkillNode)}, for settings not (yet) in a node (comparisons, KAN export). */
    public static EffectiveSettings lenient(NodeType type, String nodeId, Map<String, ?> settings) {
        return merge(type, nodeId, settings, false);
    }

    /** Only the type's defaults (a form or a check that runs before any value is set). */
    public static EffectiveSettings defaults(NodeType type, String nodeId) {
        return of(type, nodeId, Map.of());
    }

    private static EffectiveSettings merge(NodeType type, String nodeId, Map<String, ?> settings, boolean strict) {
        Map<String, Object> merged = new LinkedHashMap<>(type.defaultSettings());
        settings.forEach((key, raw) -> {
            if (raw == null) {
                return;
            }
            try {
                merged.put(key, convert(type, nodeId, key, raw));
            } catch (IllegalArgumentException e) {
                if (strict) {
                    throw e;
                }
                merged.put(key, raw);  // lenient: shown as stored; the validator names the problem
            }
        });
        return new EffectiveSettings(nodeId, type.id(), merged);
    }

    private static Object convert(NodeType type, String nodeId, String key, Object raw) {
        SettingSpec spec = type.setting(key).orElse(null);
        if (spec == null) {
            return raw;
        }
        try {
            return spec.type().coerce(raw);
        } catch (IllegalArgumentException e) {
            throw new InvalidValue(where(nodeId, type.id(), key) + " (" + spec.label() + "): " + e.getMessage(),
                    key, raw, e.getMessage(), e);
        }
    }

    /** The value as stored (canonical type), or null when unset. */
    public Object get(String key) {
        return values.get(key);
    }

    /** True when the setting has a value that is not blank text. */
    public boolean has(String key) {
        Object v = values.get(key);
        return v != null && !(v instanceof String s && s.isBlank());
    }

    public String text(String key) {
        return String.valueOf(require(key));
    }

    /** The value, or empty when unset (optional texts and secrets). */
    public String textOrEmpty(String key) {
        return has(key) ? String.valueOf(values.get(key)) : "";
    }

    public long integer(String key) {
        return ((Number) require(key)).longValue();
    }

    public double decimal(String key) {
        return ((Number) require(key)).doubleValue();
    }

    public boolean bool(String key) {
        return (Boolean) require(key);
    }

    /** A STRING_LIST value; empty when unset. */
    public List<String> strings(String key) {
        return values.get(key) instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
    }

    /** A POINT_LIST value as [x, y] pairs. */
    public List<List<Double>> points(String key) {
        if (!(require(key) instanceof List<?> l)) {
            throw new IllegalArgumentException(where(key) + " is not a list of [x, y] points");
        }
        return l.stream().map(p -> {
            if (p instanceof List<?> xy && xy.size() == 2 && xy.get(0) instanceof Number x
                    && xy.get(1) instanceof Number y) {
                return List.of(x.doubleValue(), y.doubleValue());
            }
            throw new IllegalArgumentException(where(key) + ": expected a point [x, y], got " + p);
        }).toList();
    }

    private Object require(String key) {
        Object v = values.get(key);
        if (v == null) {
            throw new IllegalArgumentException(where(key) + " has no value");
        }
        if (v instanceof String s && ParamRef.isParamRef(s)) {
            throw new IllegalArgumentException(where(key) + " still holds " + s.trim()
                    + "; parameters must be resolved before the node runs");
        }
        return v;
    }

    private String where(String key) {
        return where(nodeId, typeId, key);
    }

    private static String where(String nodeId, String typeId, String key) {
        return "node '" + nodeId + "' (" + typeId + "): setting '" + key + "'";
    }
}
