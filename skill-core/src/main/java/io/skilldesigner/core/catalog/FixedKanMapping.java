package io.skilldesigner.core.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.skill.SkillNode;

/**
 * KAN mapping for node types whose KAN name is fixed (every type but the model node): constant configuration
 * entries plus one {@link KanKey} per mapped setting. Parameter placeholders pass through unchanged.
 */
public class FixedKanMapping implements KanMapping {
    private final String kanType;
    private final String kanName;
    private final List<SettingSpec> specs;
    private final List<KanKey> keys;
    private final Map<String, String> constants;

    public FixedKanMapping(String kanType, String kanName, List<SettingSpec> specs, List<KanKey> keys,
                           Map<String, String> constants) {
        this.kanType = kanType;
        this.kanName = kanName;
        this.specs = List.copyOf(specs);
        this.keys = List.copyOf(keys);
        this.constants = new LinkedHashMap<>(constants);
    }

    @Override
    public String kanType() {
        return kanType;
    }

    @Override
    public boolean matches(String type, String name) {
        return kanType.equals(type) && kanName.equals(name);
    }

    @Override
    public String kanName(SkillNode node) {
        return kanName;
    }

    @Override
    public Map<String, String> toKan(SkillNode node) {
        Map<String, String> out = new LinkedHashMap<>(constants);
        for (KanKey k : keys) {
            Object v = valueOrDefault(node, k.settingKey());
            if (v == null) {
                continue;
            }
            out.put(k.kanKey(), v instanceof String s && ParamRef.isParamRef(s) ? s : k.toKan().apply(v));
        }
        return out;
    }

    @Override
    public Map<String, Object> fromKan(String name, Map<String, String> configurations) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (KanKey k : keys) {
            String raw = configurations.get(k.kanKey());
            if (raw == null) {
                continue;
            }
            try {
                Object value = ParamRef.isParamRef(raw) ? raw.trim() : k.fromKan().apply(raw);
                // Coerce here, where the KAN key is known, so a bad value is reported under KAN's key.
                out.put(k.settingKey(), coerce(k.settingKey(), value));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("configuration '" + k.kanKey() + "' = '" + raw + "': "
                        + e.getMessage(), e);
            }
        }
        return out;
    }

    private Object coerce(String settingKey, Object value) {
        return specs.stream().filter(s -> s.key().equals(settingKey)).findFirst()
                .map(s -> s.type().coerce(value)).orElse(value);
    }

    protected Object valueOrDefault(SkillNode node, String key) {
        Object v = node.setting(key);
        if (v != null) {
            return v;
        }
        return specs.stream().filter(s -> s.key().equals(key)).findFirst().map(SettingSpec::defaultValue).orElse(null);
    }
}
