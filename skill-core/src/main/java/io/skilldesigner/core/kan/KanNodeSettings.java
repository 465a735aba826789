package io.skilldesigner.core.kan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.SecretNames;

/** Node settings on either side of the KAN mapping, in the catalog's canonical types, defaults filled in. */
final class KanNodeSettings {
    private KanNodeSettings() {
    }

    /** A setting value the catalog cannot coerce to its type. */
    static final class BadSetting extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String settingKey;
        private final transient Object value;

        BadSetting(String settingKey, Object value, String message) {
            super("setting '" + settingKey + "' = '" + value + "': " + message);
            this.settingKey = settingKey;
            this.value = value;
        }

        String settingKey() {
            return settingKey;
        }

        Object value() {
            return value;
        }
    }

    /**
     * What our node's settings become when read from a KAN node: the type's defaults, overlaid with what the
     * mapping read, coerced by each setting's type.
     *
     * @throws IllegalArgumentException from the mapping, with a message naming KAN's configuration key
     * @throws BadSetting               when a value read cannot be coerced to its setting's type
     */
    static Map<String, Object> read(NodeType type, KanMapping mapping, String kanName,
                                    Map<String, String> configurations, ModelLibrary models) {
        Map<String, Object> read = mapping.fromKan(kanName, configurations, models);
        try {
            return new LinkedHashMap<>(EffectiveSettings.of(type, kanName, read).values());
        } catch (EffectiveSettings.InvalidValue e) {
            throw new BadSetting(e.key(), e.value(), e.reason());
        }
    }

    /** A node's settings as the runtime sees them: defaults, overlaid with its coerced values (raw when invalid). */
    static Map<String, Object> effective(NodeType type, Map<String, Object> settings) {
        // lenient: an invalid value is the validator's business; here it only has to compare as itself
        return EffectiveSettings.lenient(type, "", settings).values();
    }

    /** Equal values, with doubles compared to a part in a billion (percent conversion). */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && (a instanceof Double || b instanceof Double)) {
            double dx = x.doubleValue();
            double dy = y.doubleValue();
            return Math.abs(dx - dy) <= 1e-9 * Math.max(1.0, Math.max(Math.abs(dx), Math.abs(dy)));
        }
        return Objects.equals(a, b);
    }

    /** A value as it may appear in a message: secrets hidden, credentials in URLs masked. */
    static String shown(SettingSpec spec, Object value) {
        if (value == null) {
            return "(none)";
        }
        if (spec != null && spec.isSecret()) {
            return "(secret)";
        }
        if (value instanceof Map<?, ?> m) {
            // Key/value lists (env): entries named like secrets or holding credentials are hidden one by one.
            Map<String, String> masked = new LinkedHashMap<>();
            m.forEach((k, v) -> masked.put(String.valueOf(k), SecretNames.looksSecret(String.valueOf(k))
                    || SecretNames.looksLikeCredential(String.valueOf(v)) ? "(secret)" : String.valueOf(v)));
            value = masked;
        }
        String text = spec == null || value instanceof Map<?, ?> ? String.valueOf(value) : spec.type().toText(value);
        if (SecretNames.looksLikeCredential(text)) {
            return "(holds a credential)";
        }
        return "'" + text.replaceAll("(?i)([a-z][a-z0-9+.-]*://)[^@/\\s]*@", "$1***@") + "'";
    }
}
