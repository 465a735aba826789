package io.skilldesigner.core.validation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.skilldesigner.core.catalog.GraphContext;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Lists everything wrong with a skill at once: graph shape, edges, settings (generic checks from the catalog's
 * {@link SettingSpec}s plus each type's own {@link NodeType#checkSettings} and {@link NodeType#checkReferences}),
 * each type's own whole-graph checks ({@link NodeType#checkInGraph}) and parameters. Problems come in a stable
 * order: skill, nodes (in skill order), edges, graph, the types' graph checks (in node order), parameters. The
 * validator itself knows no node type.
 */
public final class SkillValidator {
    /** Parameters KAN defines in every skill; they are set at deployment, so never reported as unused. */
    public static final Set<String> KAN_DEFAULT_PARAMETERS = Set.of("rtsp", "fps", "instance_displayname",
            "skill_displayname", "device_displayname", "device_id",
            // the KAN portal keeps desired fps and acceleration here as well
            "fpsRetrieve", "accelerationRetrieve");

    private final NodeCatalog catalog;
    private final ModelLibrary models;
    private final SettingsResolver resolver;
    // settings' patterns compiled once per validator, not once per value
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    public SkillValidator(NodeCatalog catalog, ModelLibrary models) {
        this.catalog = catalog;
        this.models = models;
        this.resolver = new SettingsResolver(catalog);
    }

    public List<Problem> validate(Skill skill) {
        List<Problem> out = new ArrayList<>();
        checkSkill(skill, out);
        Map<String, SkillNode> byId = checkNodeIds(skill, out);
        Map<String, ResolvedSettings> resolved = new LinkedHashMap<>();
        for (SkillNode node : skill.nodes()) {
            Optional<NodeType> type = catalog.find(node.typeId());
            if (type.isEmpty()) {
                out.add(Problem.error(node.id(), "", "Unknown node type '" + node.typeId() + "'"));
                continue;
            }
            ResolvedSettings settings = resolver.resolve(node, type.get(), skill.parameters());
            resolved.putIfAbsent(node.id(), settings);
            checkSettings(node, type.get(), settings, out);
            out.addAll(type.get().checkReferences(node, settings.values(), models));
        }
        List<SkillEdge> edges = checkEdges(skill, byId, out);
        checkSingleInputs(byId, edges, out);
        SkillGraph graph = new SkillGraph(List.copyOf(byId.keySet()), edges);
        checkGraph(byId, graph, out);
        checkNodesInGraph(byId, graph, resolved, out);
        checkUnusedParameters(skill, out);
        return out;
    }

    private static void checkSkill(Skill skill, List<Problem> out) {
        if (skill.name().isBlank()) {
            out.add(Problem.error("", "name", "The skill has no name"));
        }
        int fps = skill.basics().desiredFps();
        if (fps < SkillBasics.MIN_FPS || fps > SkillBasics.MAX_FPS) {
            out.add(Problem.error("", "basics.desiredFps", "Desired frame rate must be between "
                    + SkillBasics.MIN_FPS + " and " + SkillBasics.MAX_FPS + " fps, not " + fps));
        }
    }

    /** The first node of each id; duplicates are reported once per id. */
    private static Map<String, SkillNode> checkNodeIds(Skill skill, List<Problem> out) {
        Map<String, SkillNode> byId = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (SkillNode n : skill.nodes()) {
            byId.putIfAbsent(n.id(), n);
            counts.merge(n.id(), 1, Integer::sum);
        }
        counts.forEach((id, count) -> {
            if (count > 1) {
                out.add(Problem.error(id, "", "Node id '" + id + "' is used by " + count + " nodes"));
            }
        });
        return byId;
    }

    private void checkSettings(SkillNode node, NodeType type, ResolvedSettings settings, List<Problem> out) {
        out.addAll(settings.problems());
        Map<String, Object> values = settings.values();
        for (String key : node.settings().keySet()) {
            if (type.setting(key).isEmpty()) {
                out.add(Problem.warning(node.id(), key, "Unknown setting '" + key + "' is ignored"));
            }
        }
        for (SettingSpec spec : type.settings()) {
            if (!spec.isEnabled(values) || settings.failedKeys().contains(spec.key())) {
                continue;
            }
            Object v = values.get(spec.key());
            if (v instanceof String s && !ParamRef.namesIn(s).isEmpty()) {
                continue; // left to the deployment or undefined: the resolver has said so
            }
            checkValue(node, spec, v, out);
        }
        out.addAll(type.checkSettings(node, values));
    }

    private void checkValue(SkillNode node, SettingSpec spec, Object v, List<Problem> out) {
        String label = spec.label();
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (spec.required()) {
                out.add(Problem.error(node.id(), spec.key(), label + " is required"));
            }
            return;
        }
        Double size = measure(v);
        if (size != null && (spec.min() != null && size < spec.min() || spec.max() != null && size > spec.max())) {
            out.add(Problem.error(node.id(), spec.key(), rangeMessage(spec, v)));
        }
        if (v instanceof String s && spec.pattern() != null && !patterns.computeIfAbsent(spec.pattern(), Pattern::compile)
                .matcher(s).matches()) {
            out.add(Problem.error(node.id(), spec.key(), label + " " + shown(spec, s) + " is not valid"
                    + (spec.help().isEmpty() ? "" : ": " + spec.help())));
        }
        if (spec.type() == SettingType.CHOICE && !spec.choices().isEmpty() && !spec.choices().contains(v)) {
            out.add(Problem.error(node.id(), spec.key(), label + " " + shown(spec, v) + " is not one of: "
                    + String.join(", ", spec.choices())));
        }
    }

    /** The number a range applies to: the value of a number, the size of a list or map. */
    private static Double measure(Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof Collection<?> c) {
            return (double) c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return (double) m.size();
        }
        return null;
    }

    private static String rangeMessage(SettingSpec spec, Object v) {
        String unit = spec.unit().isEmpty() ? "" : " " + spec.unit();
        boolean sized = !(v instanceof Number);
        String what = sized ? spec.label() + " must have " : spec.label() + " must be ";
        String bounds;
        if (spec.min() != null && spec.max() != null) {
            bounds = "between " + number(spec.min()) + " and " + number(spec.max());
        } else if (spec.min() != null) {
            bounds = "at least " + number(spec.min());
        } else {
            bounds = "at most " + number(spec.max());
        }
        String actual = sized ? Integer.toString(measure(v).intValue()) : number(((Number) v).doubleValue());
        return what + bounds + (sized ? " entries" : unit) + ", not " + actual;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    /** A value as messages show it: secrets hidden, credentials in URLs masked. */
    private static String shown(SettingSpec spec, Object v) {
        if (spec.isSecret()) {
            return "(hidden)";
        }
        return "'" + String.valueOf(v).replaceAll("(?i)([a-z][a-z0-9+.-]*://)[^@/\\s]*@", "$1***@") + "'";
    }

    /** Edges whose ends both exist and have the named ports; the others are reported. */
    private List<SkillEdge> checkEdges(Skill skill, Map<String, SkillNode> byId, List<Problem> out) {
        List<SkillEdge> valid = new ArrayList<>();
        for (SkillEdge e : skill.edges()) {
            SkillNode from = byId.get(e.from().node());
            SkillNode to = byId.get(e.to().node());
            if (from == null || to == null) {
                String name = edgeName(e);
                if (from == null && to == null) {
                    out.add(Problem.error("", "", name + ": nodes '" + e.from().node() + "' and '"
                            + e.to().node() + "' do not exist"));
                } else {
                    String missing = from == null ? e.from().node() : e.to().node();
                    String other = from == null ? to.id() : from.id();
                    out.add(Problem.error(other, "", name + ": node '" + missing + "' does not exist"));
                }
                continue;
            }
            Optional<NodeType> fromType = catalog.find(from.typeId());
            Optional<NodeType> toType = catalog.find(to.typeId());
            if (fromType.isEmpty() || toType.isEmpty()) {
                continue; // the unknown type is reported with the node
            }
            Optional<PortSpec> output = fromType.get().output(e.from().port());
            Optional<PortSpec> in = toType.get().input(e.to().port());
            if (output.isEmpty()) {
                out.add(Problem.error(from.id(), "", edgeName(e) + ": " + fromType.get().displayName()
                        + " has no output port '" + e.from().port() + "'"));
            }
            if (in.isEmpty()) {
                out.add(Problem.error(to.id(), "", edgeName(e) + ": " + toType.get().displayName()
                        + " has no input port '" + e.to().port() + "'"));
            }
            if (output.isEmpty() || in.isEmpty()) {
                continue;
            }
            if (!in.get().kind().accepts(output.get().kind())) {
                out.add(Problem.error(to.id(), "", edgeName(e) + ": output '" + output.get().label() + "' carries "
                        + output.get().kind() + " but input '" + in.get().label() + "' takes " + in.get().kind()));
                continue;
            }
            valid.add(e);
        }
        return valid;
    }

    /** How problems name an edge; made only for a problem (every edge is checked). */
    private static String edgeName(SkillEdge e) {
        return "Edge from '" + e.from() + "' to '" + e.to() + "'";
    }

    private void checkSingleInputs(Map<String, SkillNode> byId, List<SkillEdge> edges, List<Problem> out) {
        Map<String, List<SkillEdge>> byInput = edges.stream().collect(
                Collectors.groupingBy(e -> e.to().toString(), LinkedHashMap::new, Collectors.toList()));
        byInput.forEach((input, into) -> {
            SkillEdge first = into.get(0);
            SkillNode node = byId.get(first.to().node());
            PortSpec port = catalog.get(node.typeId()).input(first.to().port()).orElseThrow();
            if (!port.multiple() && into.size() > 1) {
                String from = into.stream().map(e -> "'" + e.from().node() + "'").collect(Collectors.joining(", "));
                out.add(Problem.error(node.id(), "", "Input '" + port.label() + "' accepts one connection but has "
                        + into.size() + " (from " + from + ")"));
            }
        });
    }

    private void checkGraph(Map<String, SkillNode> byId, SkillGraph graph, List<Problem> out) {
        Set<String> sources = new LinkedHashSet<>();
        byId.values().forEach(n -> catalog.find(n.typeId()).filter(NodeType::isSource)
                .ifPresent(t -> sources.add(n.id())));
        if (sources.isEmpty()) {
            // Every node is then unreachable; one problem says it better than one per node.
            out.add(Problem.error("", "", "The skill has no source node; add a camera input"));
        } else {
            Set<String> reached = graph.downstreamOf(sources);
            for (SkillNode n : byId.values()) {
                if (!reached.contains(n.id()) && catalog.find(n.typeId()).isPresent()) {
                    out.add(Problem.error(n.id(), "", "Not connected to a source: no frames reach this node"));
                }
            }
        }
        for (List<String> cycle : graph.cycles()) {
            out.add(Problem.error(cycle.get(0), "", "Nodes "
                    + cycle.stream().map(id -> "'" + id + "'").collect(Collectors.joining(" → ")) + " form a cycle"));
        }
    }

    /** Each node type's own whole-graph checks, in node order. */
    private void checkNodesInGraph(Map<String, SkillNode> byId, SkillGraph graph,
                                   Map<String, ResolvedSettings> resolved, List<Problem> out) {
        GraphContext context = new Context(List.copyOf(byId.values()), byId, graph, resolved, models);
        for (SkillNode n : byId.values()) {
            catalog.find(n.typeId()).ifPresent(t -> out.addAll(t.checkInGraph(n, context)));
        }
    }

    private record Context(List<SkillNode> nodes, Map<String, SkillNode> byId, SkillGraph graph,
                           Map<String, ResolvedSettings> resolved, ModelLibrary models) implements GraphContext {
        @Override
        public Optional<SkillNode> node(String nodeId) {
            return Optional.ofNullable(byId.get(nodeId));
        }

        @Override
        public Map<String, Object> settings(String nodeId) {
            ResolvedSettings s = resolved.get(nodeId);
            return s == null ? Map.of() : s.values();
        }

        @Override
        public Set<String> upstreamOf(String nodeId) {
            return graph.upstreamOf(nodeId);
        }
    }

    private static void checkUnusedParameters(Skill skill, List<Problem> out) {
        Set<String> used = new LinkedHashSet<>();
        skill.nodes().forEach(n -> used.addAll(SettingsResolver.paramNames(n.settings())));
        for (String name : skill.parameters().keySet()) {
            if (!used.contains(name) && !KAN_DEFAULT_PARAMETERS.contains(name)) {
                out.add(Problem.warning("", "parameters." + name,
                        "Parameter '" + name + "' is defined but not used by any node"));
            }
        }
    }
}
