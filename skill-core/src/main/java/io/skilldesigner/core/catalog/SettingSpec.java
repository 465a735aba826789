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
 * @param secret       the value is a secret: masked in forms and messages, replaced by a placeholder in exported
 *                     packages; always true for {@link SettingType#SECRET}, and settable for other types
 * @param picksLabels  a list of labels: the form offers the labels of the models upstream
 * @param directory    a path that names a folder, not a file (the form opens a folder chooser)
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
        EnabledWhen enabledWhen,
        boolean secret,
        boolean picksLabels,
        boolean directory) {

    public SettingSpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        label = label == null ? key : label;
        choices = List.copyOf(choices == null ? List.of() : choices);
        help = help == null ? "" : help;
        unit = unit == null ? "" : unit;
        // The type says "secret" by itself; a flag can only add secrecy, never take it away.
        secret = secret || type == SettingType.SECRET;
        if (picksLabels && type != SettingType.STRING_LIST) {
            throw new IllegalArgumentException("setting '" + key + "': only a STRING_LIST can pick labels");
        }
        if (directory && type != SettingType.FILE_PATH) {
            throw new IllegalArgumentException("setting '" + key + "': only a FILE_PATH can name a directory");
        }
    }

    /** Names that usually hold secrets (password, token, connection string, SAS, API or access key). */
    private static final java.util.regex.Pattern SECRET_NAME = java.util.regex.Pattern.compile(
            "(?i).*(password|passwd|secret|token|connection_?string|api_?key|access_?key|sas)$");

    /**
     * The name heuristic for secrets. It never overrides the {@link #secret} flag: it only stands in where there is
     * no spec (skill parameters, entries of a key/value list), and the catalog's contract test uses it to make sure
     * every setting with such a name is flagged.
     */
    public static boolean nameLooksSecret(String name) {
        return name != null && SECRET_NAME.matcher(name).matches();
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

    /** The {@link #secret} flag: the one source of truth for what is kept out of logs, messages and packages. */
    public boolean isSecret() {
        return secret;
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
        private boolean secret;
        private boolean picksLabels;
        private boolean directory;

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

        /** Marks a value of a non-SECRET type (e.g. a URL or a key/value list) as secret as a whole. */
        public Builder secret() {
            secret = true;
            return this;
        }

        /** A STRING_LIST of labels: the form offers the labels of the models upstream. */
        public Builder picksLabels() {
            picksLabels = true;
            return this;
        }

        /** A FILE_PATH naming a folder. */
        public Builder directory() {
            directory = true;
            return this;
        }

        public SettingSpec build() {
            return new SettingSpec(key, label, type, defaultValue, required, min, max, pattern, choices, help, unit,
                    enabledWhen, secret, picksLabels, directory);
        }
    }
}
