package io.skilldesigner.core.validation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The one place that turns a node's stored settings into the values its runtime, its checks and the exporters
 * use: coerce by the catalog's {@link SettingSpec}, fill in defaults, resolve {@code $param(NAME)}.
 * <p>
 * A whole-value placeholder is replaced by the parameter's value, coerced to the setting's type; a placeholder
 * embedded in text is substituted in place. A parameter whose value is KAN's {@value #DEPLOYMENT_PLACEHOLDER}
 * is left for the deployment to set: the placeholder stays and a warning says so.
 */
public final class SettingsResolver {
    /** What KAN stores as a parameter's value until a deployment sets it. */
    public static final String DEPLOYMENT_PLACEHOLDER = "invalid";

    private final NodeCatalog catalog;

    public SettingsResolver(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    public ResolvedSettings resolve(Skill skill, SkillNode node) {
        return resolve(node, skill.parameters());
    }

    /**
     * @param parameters the skill's parameters (possibly with deployment overrides applied)
     */
    public ResolvedSettings resolve(SkillNode node, Map<String, String> parameters) {
        Optional<NodeType> type = catalog.find(node.typeId());
        if (type.isEmpty()) {
            // Unknown type: nothing to coerce against; the validator reports the type itself.
            return new ResolvedSettings(node.settings(), List.of(), Set.of());
        }
        return resolve(node, type.get(), parameters);
    }

    public ResolvedSettings resolve(SkillNode node, NodeType type, Map<String, String> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        Map<String, List<Problem>> problemsByKey = new LinkedHashMap<>();
        Set<String> failed = new HashSet<>();
        for (SettingSpec spec : type.settings()) {
            Object raw = node.setting(spec.key());
            List<Problem> problems = new ArrayList<>();
            problemsByKey.put(spec.key(), problems);
            if (raw == null) {
                spec.defaultIfAny().ifPresent(d -> values.put(spec.key(), d));
                continue;
            }
            Object value = resolveValue(node, spec, raw, parameters, problems);
            if (value == null) {
                failed.add(spec.key());
            } else {
                values.put(spec.key(), value);
            }
        }
        for (Map.Entry<String, Object> e : node.settings().entrySet()) {
            if (type.setting(e.getKey()).isEmpty()) {
                List<Problem> problems = new ArrayList<>();
                problemsByKey.put(e.getKey(), problems);
                reportParams(node, e.getKey(), e.getKey(), e.getValue(), parameters, problems);
                values.put(e.getKey(), e.getValue());
            }
        }
        // Problems of a setting that does not apply (e.g. the RTSP URL of a file source) are not problems.
        List<Problem> out = new ArrayList<>();
        problemsByKey.forEach((key, problems) -> {
            Optional<SettingSpec> spec = type.setting(key);
            if (spec.isEmpty() || spec.get().isEnabled(values)) {
                out.addAll(problems);
            }
        });
        return new ResolvedSettings(values, out, failed);
    }

    /** The coerced value, the placeholder text when it is left unresolved, or null when it cannot be coerced. */
    private static Object resolveValue(SkillNode node, SettingSpec spec, Object raw, Map<String, String> parameters,
                                       List<Problem> problems) {
        Set<String> unresolved = reportParams(node, spec.key(), spec.label(), raw, parameters, problems);
        Object input = raw;
        String via = "";
        if (raw instanceof String s && ParamRef.isParamRef(s)) {
            String name = ParamRef.name(s).orElseThrow();
            if (unresolved.contains(name)) {
                return s.trim();
            }
            input = parameters.get(name);
            via = " (parameter '" + name + "')";
        } else if (raw instanceof String s && spec.type().isTextual()) {
            input = substitute(s, parameters, unresolved);
        }
        try {
            return spec.type().coerce(input);
        } catch (IllegalArgumentException e) {
            problems.add(Problem.error(node.id(), spec.key(), spec.label() + via + ": " + e.getMessage()));
            return null;
        }
    }

    /**
     * Reports each parameter referenced anywhere in the value that is undefined (error) or left to the deployment
     * (warning), and returns those names.
     */
    private static Set<String> reportParams(SkillNode node, String key, String label, Object raw,
                                            Map<String, String> parameters, List<Problem> problems) {
        Set<String> unresolved = new LinkedHashSet<>();
        for (String name : paramNames(raw)) {
            String value = parameters.get(name);
            if (value == null) {
                problems.add(Problem.error(node.id(), key,
                        "Parameter '" + name + "' is used but not defined in the skill's parameters"));
                unresolved.add(name);
            } else if (DEPLOYMENT_PLACEHOLDER.equals(value.trim())) {
                problems.add(Problem.warning(node.id(), key,
                        label + " comes from parameter '" + name + "', which is set at deployment"));
                unresolved.add(name);
            }
        }
        return unresolved;
    }

    private static String substitute(String text, Map<String, String> parameters, Set<String> unresolved) {
        String out = text;
        for (String name : ParamRef.namesIn(text)) {
            if (!unresolved.contains(name) && parameters.containsKey(name)) {
                out = out.replace(ParamRef.of(name), parameters.get(name));
            }
        }
        return out;
    }

    /** Every parameter name referenced in a value, looking into lists and maps. */
    public static Set<String> paramNames(Object value) {
        Set<String> out = new LinkedHashSet<>();
        collect(value, out);
        return out;
    }

    private static void collect(Object value, Set<String> out) {
        if (value instanceof String s) {
            out.addAll(ParamRef.namesIn(s));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(v -> collect(v, out));
        } else if (value instanceof Map<?, ?> m) {
            m.values().forEach(v -> collect(v, out));
        }
    }
}
