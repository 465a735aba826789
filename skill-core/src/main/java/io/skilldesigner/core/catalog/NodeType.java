package io.skilldesigner.core.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/**
 * One kind of node, defined once: palette entry, ports, typed settings, validation and KAN mapping. The palette,
 * property forms, engine and exporters all read this.
 */
public abstract class NodeType {
    private final String id;
    private final NodeCategory category;
    private final String displayName;
    private final String description;
    private final String iconName;
    private final List<PortSpec> inputs;
    private final List<PortSpec> outputs;
    private final List<SettingSpec> settings;

    protected NodeType(String id, NodeCategory category, String displayName, String description, String iconName,
                       List<PortSpec> inputs, List<PortSpec> outputs, List<SettingSpec> settings) {
        this.id = id;
        this.category = category;
        this.displayName = displayName;
        this.description = description;
        this.iconName = iconName;
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        this.settings = List.copyOf(settings);
    }

    public String id() {
        return id;
    }

    public NodeCategory category() {
        return category;
    }

    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** Icon file base name under the icons module's node icons (e.g. {@code camera}). */
    public String iconName() {
        return iconName;
    }

    public List<PortSpec> inputs() {
        return inputs;
    }

    public List<PortSpec> outputs() {
        return outputs;
    }

    public List<SettingSpec> settings() {
        return settings;
    }

    public Optional<SettingSpec> setting(String key) {
        return settings.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<PortSpec> input(String portId) {
        return inputs.stream().filter(p -> p.id().equals(portId)).findFirst();
    }

    public Optional<PortSpec> output(String portId) {
        return outputs.stream().filter(p -> p.id().equals(portId)).findFirst();
    }

    /** True for a node that produces frames from outside (cameras, files). */
    public boolean isSource() {
        return inputs.isEmpty() && !outputs.isEmpty();
    }

    /** The KAN equivalent, or empty when KAN has none (such nodes are reported on export). */
    public abstract Optional<KanMapping> kan();

    /** Every setting's default, in declaration order. */
    public Map<String, Object> defaultSettings() {
        Map<String, Object> out = new LinkedHashMap<>();
        settings.forEach(s -> s.defaultIfAny().ifPresent(v -> out.put(s.key(), v)));
        return out;
    }

    /** A fresh node of this type with default settings. */
    public SkillNode newNode(String nodeId) {
        return new SkillNode(nodeId, id, displayName, defaultSettings(), null);
    }

    /**
     * Settings that follow from setting {@code key} to {@code value} (e.g. a model node's task follows its model),
     * applied by editors in the same step as the change; empty when nothing follows.
     */
    public Map<String, Object> settingsFollowing(String key, Object value, ModelLibrary models) {
        return Map.of();
    }

    /**
     * Checks that need more than one setting or knowledge of the value's meaning (a JSON document, a URL). The
     * generic checks (required, range, pattern, choice, type) are done by the validator from the
     * {@link SettingSpec}s and need not be repeated here.
     *
     * @param settings the node's settings, coerced, with $param values resolved, defaults filled in
     */
    public List<Problem> checkSettings(SkillNode node, Map<String, Object> settings) {
        return List.of();
    }

    /**
     * Settings that only the node's own container reads (its environment, its create options), never the skill
     * runtime: the runtime does not fill their secret placeholders, so it needs only its own nodes' secrets.
     *
     * @param settings the node's settings, coerced, with $param values resolved, defaults filled in
     */
    public Set<String> containerOnlySettings(Map<String, Object> settings) {
        return Set.of();
    }

    @Override
    public String toString() {
        return id;
    }
}
