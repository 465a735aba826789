package io.skilldesigner.core.kan;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.kan.KanImportNote.Level;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/**
 * A KAN skill document (YAML or JSON, detected) → our skill plus import notes. Accepts what KAN writes:
 * numbers and booleans as strings, {@code $param(NAME)} anywhere (kept as placeholders; the parameters are
 * kept), lists as JSON text (parsed with gson, never evaluated), missing configuration keys (the node type's
 * defaults apply).
 * <p>
 * Choices made here:
 * <ul>
 * <li>A configuration key the node type's mapping does not read is <b>dropped and reported</b> (a WARNING
 * note): keeping it would mean carrying settings no form shows and no runtime uses. The same goes for a value the
 * mapping does not keep as written (e.g. a literal camera {@code fps}, which we always write as
 * {@code $param(fps)}).</li>
 * <li>A KAN node with no Skill Designer equivalent is left out with a WARNING, and so are its edges.</li>
 * <li>KAN's six default parameters still at {@code invalid} are dropped unless an imported setting refers to
 * them; export writes them back.</li>
 * <li>A model node's name is looked up in the model library by id, else by name; a model not found is a WARNING
 * and the node keeps the reference.</li>
 * <li>A value that cannot be coerced to its setting's type is an error naming the node and configuration key.</li>
 * </ul>
 * KAN has no positions: nodes are laid out top to bottom by graph depth ({@link KanLayout}).
 */
public final class KanSkillReader {
    private static final Set<String> SPEC_KEYS = Set.of("displayName", "nodes", "edges", "parameters", "properties");
    private static final Pattern CONFIGURATION_KEY = Pattern.compile("^configuration '([^']*)'");

    private final NodeCatalog catalog;
    private final ModelLibrary models;

    public KanSkillReader(NodeCatalog catalog, ModelLibrary models) {
        this.catalog = catalog;
        this.models = models;
    }

    public KanImport read(Path file) throws IOException, KanFormatException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            return read(text);
        } catch (KanFormatException e) {
            throw e.inFile(file);
        }
    }

    public KanImport read(String text) throws KanFormatException {
        // A byte order mark (Windows editors) is not part of the document.
        KanTree tree = KanTree.parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
        KanDoc doc = new KanDoc(tree);
        Map<String, Object> root = doc.map(tree.root(), "");
        expect(doc, root, "apiVersion", KanFormat.API_VERSION);
        expect(doc, root, "kind", KanFormat.KIND);

        Map<String, Object> metadata = doc.requiredMap(root, "", "metadata");
        String metadataName = doc.requiredText(metadata, "metadata", "name");
        List<Tag> tags = tags(doc, metadata);

        Map<String, Object> spec = doc.requiredMap(root, "", "spec");
        spec.keySet().stream().filter(k -> !SPEC_KEYS.contains(k)).forEach(k -> doc.note(Level.INFO,
                KanDoc.child("spec", k), "", "'spec." + k + "' is not part of a KAN skill; ignored"));
        String displayName = doc.optionalText(spec, "spec", "displayName", metadataName);
        Map<String, String> parameters = doc.strings(spec, "spec", "parameters", "");
        SkillBasics basics = basics(doc, parameters);
        Map<String, String> properties = doc.strings(spec, "spec", "properties", "");

        Set<String> skipped = new HashSet<>();
        List<SkillNode> nodes = nodes(doc, spec, properties, skipped);
        List<SkillEdge> edges = edges(doc, spec, nodes, skipped);
        String description = properties(doc, properties, nodes);
        checkParameters(doc, nodes, parameters);

        Skill skill = new Skill(Skill.CURRENT_FORMAT_VERSION, KanFormat.skillIdOf(metadataName), displayName,
                description, basics, tags, parameters, KanLayout.layOut(nodes, edges), edges);
        return new KanImport(skill, doc.notes());
    }

    private static void expect(KanDoc doc, Map<String, Object> root, String key, String expected)
            throws KanFormatException {
        String actual = doc.optionalText(root, "", key, null);
        if (actual == null) {
            throw doc.error(key, "'" + key + "' is missing; a KAN skill has " + key + ": " + expected);
        }
        if (!expected.equals(actual.trim())) {
            throw doc.error(key, "expected " + key + " '" + expected + "', got '" + actual + "'; not a KAN skill");
        }
    }

    private static List<Tag> tags(KanDoc doc, Map<String, Object> metadata) throws KanFormatException {
        Object labels = metadata.get("labels");
        if (labels == null) {
            return List.of();
        }
        if (!(labels instanceof Map<?, ?>)) {
            doc.note(Level.WARNING, "metadata.labels", "", "labels are not a mapping of names to values;"
                    + " no tags imported");
            return List.of();
        }
        List<Tag> tags = new ArrayList<>();
        doc.strings(metadata, "metadata", "labels", "").forEach((k, v) -> tags.add(new Tag(k, v)));
        return tags;
    }

    private static SkillBasics basics(KanDoc doc, Map<String, String> parameters) throws KanFormatException {
        SkillBasics defaults = SkillBasics.defaults();
        int fps = defaults.desiredFps();
        String fpsPath = "spec.parameters." + KanFormat.FPS_PARAMETER;
        String fpsText = parameters.remove(KanFormat.FPS_PARAMETER);
        if (fpsText == null || ParamRef.isParamRef(fpsText)) {
            doc.note(Level.INFO, fpsPath, "", "no desired frame rate (" + KanFormat.FPS_PARAMETER + "); using "
                    + fps + " fps");
        } else {
            BigDecimal value;
            try {
                value = new BigDecimal(fpsText.trim());
            } catch (NumberFormatException e) {
                throw doc.error(fpsPath, "expected the desired frame rate as a number, got '" + fpsText + "'");
            }
            long rounded = Math.round(value.doubleValue());
            fps = (int) Math.max(SkillBasics.MIN_FPS, Math.min(SkillBasics.MAX_FPS, rounded));
            if (value.compareTo(BigDecimal.valueOf(fps)) != 0) {
                doc.note(Level.WARNING, fpsPath, "", "desired frame rate " + fpsText.trim() + " read as " + fps
                        + " fps (whole numbers from " + SkillBasics.MIN_FPS + " to " + SkillBasics.MAX_FPS + ")");
            }
        }
        Acceleration acceleration = defaults.acceleration();
        String accelerationPath = "spec.parameters." + KanFormat.ACCELERATION_PARAMETER;
        String accelerationText = parameters.remove(KanFormat.ACCELERATION_PARAMETER);
        if (accelerationText == null || accelerationText.isBlank()) {
            doc.note(Level.INFO, accelerationPath, "", "no acceleration given; using " + acceleration.displayName());
        } else {
            try {
                acceleration = Acceleration.fromKan(accelerationText.trim());
            } catch (IllegalArgumentException e) {
                doc.note(Level.WARNING, accelerationPath, "", "unknown acceleration '" + accelerationText
                        + "'; using " + acceleration.displayName());
            }
        }
        return new SkillBasics(fps, acceleration);
    }

    private List<SkillNode> nodes(KanDoc doc, Map<String, Object> spec, Map<String, String> properties,
                                  Set<String> skipped) throws KanFormatException {
        List<Object> raw = doc.optionalList(spec, "spec", "nodes");
        List<SkillNode> nodes = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = "spec.nodes[" + i + "]";
            Map<String, Object> m = doc.map(raw.get(i), path);
            String id = doc.requiredText(m, path, "id");
            if (!ids.add(id)) {
                throw doc.error(KanDoc.child(path, "id"), "node id '" + id + "' is used by another node too");
            }
            String kanType = doc.requiredText(m, path, "type");
            String kanName = doc.requiredText(m, path, "name");
            Map<String, String> configurations = doc.strings(m, path, "configurations", id);
            Optional<NodeType> type = catalog.forKan(kanType, kanName);
            if (type.isEmpty()) {
                doc.note(Level.WARNING, path, id, "KAN node '" + id + "' (" + kanType + " '" + kanName
                        + "') has no Skill Designer equivalent; not imported");
                skipped.add(id);
                continue;
            }
            nodes.add(node(doc, path, id, type.get(), kanName, configurations, properties));
        }
        return nodes;
    }

    private SkillNode node(KanDoc doc, String path, String id, NodeType type, String kanName,
                           Map<String, String> configurations, Map<String, String> properties)
            throws KanFormatException {
        KanMapping mapping = type.kan().orElseThrow();
        String confPath = KanDoc.child(path, "configurations");
        Map<String, Object> settings;
        try {
            settings = KanNodeSettings.read(type, mapping, kanName, configurations, models);
        } catch (KanNodeSettings.BadSetting e) {
            throw badSetting(doc, confPath, id, e, configurations);
        } catch (IllegalArgumentException e) {
            Matcher m = CONFIGURATION_KEY.matcher(String.valueOf(e.getMessage()));
            String where = m.find() ? KanDoc.child(confPath, m.group(1)) : confPath;
            throw doc.error(where, "node '" + id + "' (" + type.displayName() + "): " + e.getMessage());
        }
        String displayName = properties.getOrDefault(KanFormat.displayNameProperty(id), type.displayName());
        SkillNode node = new SkillNode(id, type.id(), displayName, settings, null);
        noteModels(doc, path, node, type, kanName);
        noteConfigurations(doc, confPath, node, mapping, configurations);
        return node;
    }

    /** The error for a value the catalog cannot coerce, naming KAN's key(s) holding that value when found. */
    private static KanFormatException badSetting(KanDoc doc, String confPath, String id,
                                                 KanNodeSettings.BadSetting e, Map<String, String> configurations) {
        List<String> keys = new ArrayList<>();
        String message = e.getMessage();
        String bad = String.valueOf(e.value()).trim();
        for (Map.Entry<String, String> c : configurations.entrySet()) {
            if (c.getValue().trim().equals(bad)) {
                keys.add(c.getKey());
            }
        }
        String where = keys.size() == 1 ? KanDoc.child(confPath, keys.get(0)) : confPath;
        String kanKey = keys.size() == 1 ? "configuration '" + keys.get(0) + "', " : "";
        return doc.error(where, "node '" + id + "': " + kanKey + message);
    }

    private void noteModels(KanDoc doc, String path, SkillNode node, NodeType type, String kanName) {
        for (SettingSpec spec : type.settings()) {
            if (spec.type() != SettingType.MODEL_REF || !(node.setting(spec.key()) instanceof String ref)
                    || ref.isBlank() || ParamRef.isParamRef(ref)) {
                continue;
            }
            Optional<ModelDescriptor> model = models.find(ref);
            if (model.isEmpty()) {
                doc.note(Level.WARNING, KanDoc.child(path, "name"), node.id(), "model '" + ref
                        + "' is not in your model library; the node keeps the reference until you add it");
            } else if (!ref.equals(kanName)) {
                doc.note(Level.INFO, KanDoc.child(path, "name"), node.id(), "KAN model '" + kanName
                        + "' matched library model '" + model.get().name() + "' (id '" + ref + "') by name");
            }
        }
    }

    /** Reports configuration keys and values that do not survive: what export would write differs. */
    private static void noteConfigurations(KanDoc doc, String confPath, SkillNode node, KanMapping mapping,
                                           Map<String, String> configurations) {
        Map<String, String> written = mapping.toKan(node);
        for (Map.Entry<String, String> c : configurations.entrySet()) {
            String where = KanDoc.child(confPath, c.getKey());
            String back = written.get(c.getKey());
            if (back == null) {
                doc.note(Level.WARNING, where, node.id(), "configuration '" + c.getKey() + "' = '" + c.getValue()
                        + "' is not used by Skill Designer's " + node.typeId() + " node; dropped (not written back"
                        + " on export)");
            } else if (!sameKanValue(c.getValue(), back)) {
                doc.note(Level.WARNING, where, node.id(), "configuration '" + c.getKey() + "' = '" + c.getValue()
                        + "' is not kept as is; export writes '" + back + "'");
            }
        }
        written.forEach((key, value) -> {
            if (!configurations.containsKey(key)) {
                doc.note(Level.INFO, confPath, node.id(), "configuration '" + key + "' is missing; using '"
                        + value + "'");
            }
        });
    }

    /** Same value as KAN means it: equal text, equal numbers ("50" and "50.0"), or equal JSON. */
    static boolean sameKanValue(String a, String b) {
        String x = a.trim();
        String y = b.trim();
        if (x.equals(y) || x.equalsIgnoreCase(y) && (x.equalsIgnoreCase("true") || x.equalsIgnoreCase("false"))) {
            return true;
        }
        try {
            return new BigDecimal(x).compareTo(new BigDecimal(y)) == 0;
        } catch (NumberFormatException e) {
            // not two numbers; try JSON below
        }
        if ((x.startsWith("[") || x.startsWith("{")) && (y.startsWith("[") || y.startsWith("{"))) {
            try {
                return JsonParser.parseString(x).equals(JsonParser.parseString(y));
            } catch (JsonParseException e) {
                return false;
            }
        }
        return false;
    }

    private List<SkillEdge> edges(KanDoc doc, Map<String, Object> spec, List<SkillNode> nodes,
                                         Set<String> skipped) throws KanFormatException {
        Map<String, SkillNode> byId = new HashMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        List<Object> raw = doc.optionalList(spec, "spec", "edges");
        Set<SkillEdge> edges = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) {
            String path = "spec.edges[" + i + "]";
            Map<String, Object> m = doc.map(raw.get(i), path);
            String sourcePath = KanDoc.child(path, "source");
            String targetPath = KanDoc.child(path, "target");
            Map<String, Object> source = doc.requiredMap(m, path, "source");
            Map<String, Object> target = doc.requiredMap(m, path, "target");
            String from = doc.requiredText(source, sourcePath, "node");
            String to = doc.requiredText(target, targetPath, "node");
            String fromRoute = doc.optionalText(source, sourcePath, "route", KanFormat.ROUTE).trim();
            String toRoute = doc.optionalText(target, targetPath, "route", KanFormat.ROUTE).trim();
            String text = from + " -> " + to;
            Optional<String> missing = List.of(from, to).stream().filter(id -> !byId.containsKey(id)).findFirst();
            if (missing.isPresent()) {
                String why = skipped.contains(missing.get()) ? "was not imported" : "is not in the document";
                doc.note(Level.WARNING, path, from, "edge " + text + " is dropped: node '" + missing.get() + "' "
                        + why);
                continue;
            }
            NodeTypePorts fromPorts = new NodeTypePorts(byId.get(from), true);
            NodeTypePorts toPorts = new NodeTypePorts(byId.get(to), false);
            String fromPort = port(doc, sourcePath, fromPorts, fromRoute, text);
            String toPort = port(doc, targetPath, toPorts, toRoute, text);
            if (fromPort != null && toPort != null) {
                edges.add(new SkillEdge(new PortRef(from, fromPort), new PortRef(to, toPort)));
            }
        }
        return new ArrayList<>(edges);
    }

    /** The ports of one end of an edge: the node's outputs (source end) or inputs (target end). */
    private record NodeTypePorts(SkillNode node, boolean outputs) {
    }

    private String port(KanDoc doc, String path, NodeTypePorts end, String route, String edge) {
        NodeType type = catalog.get(end.node().typeId());
        List<PortSpec> ports = end.outputs() ? type.outputs() : type.inputs();
        String side = end.outputs() ? "output" : "input";
        if (ports.stream().anyMatch(p -> p.id().equals(route))) {
            return route;
        }
        if (ports.size() == 1) {
            doc.note(Level.INFO, path, end.node().id(), "edge " + edge + ": route '" + route + "' read as "
                    + side + " port '" + ports.get(0).id() + "'");
            return ports.get(0).id();
        }
        doc.note(Level.WARNING, path, end.node().id(), "edge " + edge + " is dropped: " + type.displayName()
                + " '" + end.node().id() + "' has " + (ports.isEmpty() ? "no " + side + " port"
                : "no " + side + " port '" + route + "'"));
        return null;
    }

    /** Reads our description back and reports properties Skill Designer does not keep. */
    private static String properties(KanDoc doc, Map<String, String> properties, List<SkillNode> nodes) {
        Set<String> ids = new HashSet<>();
        nodes.forEach(n -> ids.add(n.id()));
        String description = "";
        for (Map.Entry<String, String> p : properties.entrySet()) {
            String key = p.getKey();
            if (key.equals(KanFormat.DESCRIPTION_PROPERTY)) {
                description = p.getValue();
            } else if (KanFormat.nodeIdOfDisplayNameProperty(key) == null
                    || !ids.contains(KanFormat.nodeIdOfDisplayNameProperty(key))) {
                doc.note(Level.INFO, "spec.properties." + key, "", "property '" + key + "' is not kept (Skill"
                        + " Designer has no property bag)");
            }
        }
        return description;
    }

    /** Drops KAN's unset default parameters nothing refers to; reports unset and undefined ones in use. */
    private static void checkParameters(KanDoc doc, List<SkillNode> nodes, Map<String, String> parameters) {
        Map<String, String> usedBy = new LinkedHashMap<>();
        for (SkillNode n : nodes) {
            n.settings().values().forEach(v -> ParamRef.namesIn(String.valueOf(v))
                    .forEach(p -> usedBy.putIfAbsent(p, n.id())));
        }
        for (String p : KanFormat.DEFAULT_PARAMETERS) {
            if (KanFormat.UNSET.equals(parameters.get(p)) && !usedBy.containsKey(p)) {
                parameters.remove(p);
            }
        }
        usedBy.forEach((p, nodeId) -> {
            String path = "spec.parameters." + p;
            if (!parameters.containsKey(p)) {
                doc.note(Level.WARNING, "spec.parameters", nodeId, "node '" + nodeId + "' uses " + ParamRef.of(p)
                        + " but the skill has no parameter '" + p + "'");
            } else if (KanFormat.UNSET.equals(parameters.get(p))) {
                doc.note(Level.INFO, path, nodeId, "parameter '" + p + "' is not set yet ('" + KanFormat.UNSET
                        + "'); set it for preview, or let the deployment set it");
            }
        });
    }
}
