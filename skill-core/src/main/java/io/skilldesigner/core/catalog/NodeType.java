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
 * One kind of node, defined once: palette entry, ports, typed settings, its own checks (of its settings, of what
 * it refers to, of its place in the graph), its KAN mapping (or why it has none) and what it adds to an edge
 * deployment. The palette, property forms, validator, engine and exporters all read this and hold no
 * per-type code. Its runtime is one factory in preview-engine's {@code NodeRuntimeRegistry}.
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
    // setting(key) is asked for every setting of every node when a skill is read and checked
    private final Map<String, SettingSpec> settingsByKey = new LinkedHashMap<>();

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
        this.settings.forEach(spec -> settingsByKey.putIfAbsent(spec.key(), spec));
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
        return Optional.ofNullable(settingsByKey.get(key));
    }

    /** The settings of one value type (e.g. every {@link SettingType#MODEL_REF}), in declaration order. */
    public List<SettingSpec> settingsOfType(SettingType type) {
        return settings.stream().filter(s -> s.type() == type).toList();
    }

    public Optional<PortSpec> input(String portId) {
        return port(inputs, portId);
    }

    public Optional<PortSpec> output(String portId) {
        return port(outputs, portId);
    }

    /** A loop, not a stream: asked for both ends of every edge when a skill is checked. */
    private static Optional<PortSpec> port(List<PortSpec> ports, String portId) {
        for (PortSpec p : ports) {
            if (p.id().equals(portId)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** True for a node that produces frames from outside (cameras, files). */
    public boolean isSource() {
        return inputs.isEmpty() && !outputs.isEmpty();
    }

    /** The KAN equivalent, or empty when KAN has none (such nodes are reported on export). */
    public abstract Optional<KanMapping> kan();

    /**
     * Why KAN has no equivalent of this type, when {@link #kan()} is empty: every type either maps to KAN or says
     * so explicitly (the catalog's contract test holds each type to one of the two).
     */
    public Optional<String> notInKan() {
        return Optional.empty();
    }

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

    /**
     * Checks of what the node refers to outside the skill (a model in the model library), reported with the node's
     * own problems.
     *
     * @param settings as for {@link #checkSettings}
     */
    public List<Problem> checkReferences(SkillNode node, Map<String, Object> settings, ModelLibrary models) {
        return List.of();
    }

    /**
     * The node's own whole-graph checks: what it needs upstream, names it must not share with other nodes. Called
     * once per node after the edges are checked; only valid edges count.
     */
    public List<Problem> checkInGraph(SkillNode node, GraphContext graph) {
        return List.of();
    }

    /**
     * What the node adds to an edge deployment besides the runtime module (none by default).
     *
     * @param settings the node's effective settings, secrets already replaced by placeholders
     * @throws IllegalArgumentException naming the setting when one the deployment needs is missing or malformed
     */
    public NodeDeployment deployment(SkillNode node, Map<String, Object> settings) {
        return NodeDeployment.NONE;
    }

    @Override
    public String toString() {
        return id;
    }
}
