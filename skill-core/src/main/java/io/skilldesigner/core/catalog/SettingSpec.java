package io.skilldesigner.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A typed setting of a node type.
 *
 * @param key          key in {@link io.skilldesigner.core.skill.SkillNode#settings()}
 * @param label        form label
 * @param type         value type
 * @param defaultValue canonical default, or null for none
 * @param required     a value must be present (and non-blank) when the setting is enabled
 * @param min          inclusive lower bound for numbers (or list size for lists), or null
 * @param max          inclusive upper bound, or null
 * @param pattern      regular expression a textual value must match entirely, or null
 * @param choices      allowed values of a CHOICE
 * @param help         help text shown beside the field
 * @param unit         unit shown beside numbers ("seconds", "minutes", "ms"), or empty
 * @param enabledWhen  condition on another setting, or null when always enabled
 */
public record SettingSpec(
        String key,
        String label,
        SettingType type,
        Object defaultValue,
        boolean required,
        Double min,
        Double max,
        String pattern,
        List<String> choices,
        String help,
        String unit,
        EnabledWhen enabledWhen) {

    public SettingSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        label = label == null ? key : label;
        choices = List.copyOf(choices == null ? List.of() : choices);
        help = help == null ? "" : help;
        unit = unit == null ? "" : unit;
    }

    public static Builder builder(String key, SettingType type) {
        return new Builder(key, type);
    }

    public boolean isEnabled(Map<String, Object> settings) {
        return enabledWhen == null || enabledWhen.test(settings);
    }

    public Optional<Object> defaultIfAny() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean isSecret() {
        return type == SettingType.SECRET;
    }

    /** Fluent construction; node types read better with named optional fields. */
    public static final class Builder {
        private final String key;
        private final SettingType type;
        private String label;
        private Object defaultValue;
        private boolean required;
        private Double min;
        private Double max;
        private String pattern;
        private List<String> choices = List.of();
        private String help;
        private String unit;
        private EnabledWhen enabledWhen;

        private Builder(String key, SettingType type) {
            this.key = key;
            this.type = type;
        }

        public Builder label(String v) {
            label = v;
            return this;
        }

        public Builder defaultValue(Object v) {
            defaultValue = v == null ? null : type.coerce(v);
            return this;
        }

        public Builder required() {
            required = true;
            return this;
        }

        public Builder range(double lo, double hi) {
            min = lo;
            max = hi;
            return this;
        }

        public Builder min(double lo) {
            min = lo;
            return this;
        }

        public Builder pattern(String regex) {
            pattern = regex;
            return this;
        }

        public Builder choices(String... values) {
            choices = List.of(values);
            return this;
        }

        public Builder help(String v) {
            help = v;
            return this;
        }

        public Builder unit(String v) {
            unit = v;
            return this;
        }

        public Builder enabledWhen(String otherKey, String... values) {
            enabledWhen = EnabledWhen.of(otherKey, values);
            return this;
        }

        public SettingSpec build() {
            return new SettingSpec(key, label, type, defaultValue, required, min, max, pattern, choices, help, unit,
                    enabledWhen);
        }
    }
}
