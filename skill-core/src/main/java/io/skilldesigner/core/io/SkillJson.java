package io.skilldesigner.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.PortRef;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/**
 * Skill Designer's own skill file ({@code .skill.json}): pretty printed, keys in a fixed order with
 * {@code formatVersion} first, settings sorted by key, so that saving an unchanged skill gives the same bytes.
 * <p>
 * On reading, older versions are upgraded by {@link SkillMigrations}, settings are typed by the node type's
 * {@link SettingSpec}s (keys the catalog does not know are kept as they are), and every error names file, line,
 * column and field.
 */
public final class SkillJson {
    public static final String EXTENSION = ".skill.json";

    private final NodeCatalog catalog;
    private final SkillMigrations migrations;

    public SkillJson(NodeCatalog catalog) {
        this(catalog, SkillMigrations.standard());
    }

    public SkillJson(NodeCatalog catalog, SkillMigrations migrations) {
        this.catalog = catalog;
        this.migrations = migrations;
    }

    // ---------------------------------------------------------------------------------------------- reading

    public Skill read(Path file) throws IOException {
        return read(TextFiles.readUtf8(file, file.toString()), file.toString());
    }

    /**
     * @param source how errors name the file, e.g. {@code skills/demo.skill.json}
     * @return the skill, upgraded to the current layout; its {@link Skill#formatVersion()} is the version the file
     *         was written in (so callers can tell an upgraded file), while {@link #write} always writes the current
     * @throws UnsupportedFormatVersionException for a file from a newer version
     * @throws FileFormatException for anything else wrong, naming file, line, column and field
     */
    public Skill read(String text, String source) throws FileFormatException {
        LocatedJson doc = LocatedJson.parse(text, source);
        JsonField root = JsonField.root(doc, doc.root());
        JsonObject object = root.object();
        int version = formatVersion(root, migrations.current());
        JsonObject current;
        try {
            current = migrations.migrate(object, version);
        } catch (IllegalArgumentException e) {
            throw root.error("cannot upgrade from format version " + version + ": " + e.getMessage());
        }
        return bind(JsonField.root(doc, current), version);
    }

    /** The declared version (0 when absent: version 0 had no such field), refusing versions newer than ours. */
    static int formatVersion(JsonField root, int supported) throws FileFormatException {
        Optional<JsonField> field = root.optional("formatVersion");
        if (field.isEmpty()) {
            return 0;
        }
        int version = field.get().intValue();
        if (version < 0) {
            throw field.get().error("must be 0 or more, got " + version);
        }
        if (version > supported) {
            SourceLocation at = field.get().location();
            throw new UnsupportedFormatVersionException(root.source(), at.line(), at.column(), version, supported);
        }
        return version;
    }

    private Skill bind(JsonField root, int version) throws FileFormatException {
        String id = root.required("id").nonEmptyString();
        String name = root.string("name", "");
        String description = root.string("description", "");
        SkillBasics basics = SkillBasics.defaults();
        Optional<JsonField> b = root.optional("basics");
        if (b.isPresent()) {
            Optional<JsonField> fps = b.get().optional("desiredFps");
            Optional<JsonField> acc = b.get().optional("acceleration");
            basics = new SkillBasics(fps.isPresent() ? fps.get().intValue() : basics.desiredFps(),
                    acc.isPresent() ? acc.get().enumValue(Acceleration.class) : basics.acceleration());
        }
        List<SkillNode> nodes = new ArrayList<>();
        Optional<JsonField> nodesField = root.optional("nodes");
        if (nodesField.isPresent()) {
            for (JsonField n : nodesField.get().items()) {
                nodes.add(node(n));
            }
        }
        List<SkillEdge> edges = new ArrayList<>();
        Optional<JsonField> edgesField = root.optional("edges");
        if (edgesField.isPresent()) {
            for (JsonField e : edgesField.get().items()) {
                edges.add(new SkillEdge(portRef(e.required("from")), portRef(e.required("to"))));
            }
        }
        return new Skill(version, id, name, description, basics, tags(root), parameters(root), nodes, edges);
    }

    static List<Tag> tags(JsonField owner) throws FileFormatException {
        List<Tag> tags = new ArrayList<>();
        Optional<JsonField> field = owner.optional("tags");
        if (field.isPresent()) {
            for (JsonField t : field.get().items()) {
                tags.add(new Tag(t.required("name").string(), t.string("value", "")));
            }
        }
        return tags;
    }

    private static Map<String, String> parameters(JsonField root) throws FileFormatException {
        Map<String, String> out = new LinkedHashMap<>();
        Optional<JsonField> field = root.optional("parameters");
        if (field.isPresent()) {
            for (Map.Entry<String, JsonField> e : field.get().entries()) {
                out.put(e.getKey(), e.getValue().text());
            }
        }
        return out;
    }

    private SkillNode node(JsonField n) throws FileFormatException {
        String id = n.required("id").nonEmptyString();
        String typeId = n.required("type").nonEmptyString();
        Position position = Position.ORIGIN;
        Optional<JsonField> p = n.optional("position");
        if (p.isPresent()) {
            position = new Position(p.get().required("x").number(), p.get().required("y").number());
        }
        Map<String, Object> settings = new LinkedHashMap<>();
        Optional<JsonField> s = n.optional("settings");
        if (s.isPresent()) {
            Optional<NodeType> type = catalog.find(typeId);
            for (Map.Entry<String, JsonField> e : s.get().entries()) {
                Optional<SettingSpec> spec = type.flatMap(t -> t.setting(e.getKey()));
                settings.put(e.getKey(), spec.isPresent() ? typed(e.getValue(), spec.get().type())
                        : e.getValue().toJava());
            }
        }
        Map<String, Boolean> marks = new LinkedHashMap<>();
        Optional<JsonField> m = n.optional("secretMarks");
        if (m.isPresent()) {
            for (Map.Entry<String, JsonField> e : m.get().entries()) {
                marks.put(e.getKey(), e.getValue().bool());
            }
        }
        return new SkillNode(id, typeId, n.string("displayName", ""), settings, position, marks);
    }

    /** A setting's value in its canonical type (see {@link SettingType}); a {@code $param()} stays text. */
    private static Object typed(JsonField f, SettingType type) throws FileFormatException {
        JsonElement e = f.json();
        boolean list = type == SettingType.STRING_LIST || type == SettingType.POINT_LIST
                || type == SettingType.KEY_VALUE_LIST;
        boolean object = type == SettingType.KEY_VALUE_LIST;
        if (e.isJsonObject() && !object || e.isJsonArray() && !list) {
            throw f.error("expected " + expectation(type) + ", got " + JsonValues.describe(e));
        }
        try {
            return type.coerce(type.isTextual() ? f.text() : f.toJava());
        } catch (IllegalArgumentException ex) {
            throw f.error(ex.getMessage());
        }
    }

    private static String expectation(SettingType type) {
        return switch (type) {
            case INTEGER -> "a whole number";
            case DECIMAL -> "a number";
            case BOOLEAN -> "true or false";
            case STRING_LIST -> "a list of text";
            case POINT_LIST -> "a list of [x, y] points";
            case KEY_VALUE_LIST -> "an object of names to values";
            default -> "text";
        };
    }

    private static PortRef portRef(JsonField f) throws FileFormatException {
        return new PortRef(f.required("node").nonEmptyString(), f.required("port").nonEmptyString());
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** The file's text. */
    public String write(Skill skill) {
        return JsonText.write(toJson(skill));
    }

    public byte[] toBytes(Skill skill) {
        return write(skill).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * @throws IllegalArgumentException when a setting holds a value that is not a plain JSON-able value
     */
    public JsonObject toJson(Skill skill) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", migrations.current());
        o.addProperty("id", skill.id());
        o.addProperty("name", skill.name());
        o.addProperty("description", skill.description());
        JsonObject basics = new JsonObject();
        basics.addProperty("desiredFps", skill.basics().desiredFps());
        basics.addProperty("acceleration", JsonField.enumText(skill.basics().acceleration()));
        o.add("basics", basics);
        o.add("tags", tagsJson(skill.tags()));
        JsonObject params = new JsonObject();
        skill.parameters().forEach(params::addProperty);
        o.add("parameters", params);
        JsonArray nodes = new JsonArray();
        skill.nodes().forEach(n -> nodes.add(nodeJson(n)));
        o.add("nodes", nodes);
        JsonArray edges = new JsonArray();
        for (SkillEdge e : skill.edges()) {
            JsonObject edge = new JsonObject();
            edge.add("from", portJson(e.from()));
            edge.add("to", portJson(e.to()));
            edges.add(edge);
        }
        o.add("edges", edges);
        return o;
    }

    static JsonArray tagsJson(List<Tag> tags) {
        JsonArray a = new JsonArray();
        for (Tag t : tags) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("value", t.value());
            a.add(o);
        }
        return a;
    }

    private static JsonObject nodeJson(SkillNode n) {
        JsonObject o = new JsonObject();
        o.addProperty("id", n.id());
        o.addProperty("type", n.typeId());
        o.addProperty("displayName", n.displayName());
        JsonObject position = new JsonObject();
        position.addProperty("x", n.position().x());
        position.addProperty("y", n.position().y());
        o.add("position", position);
        JsonObject settings = new JsonObject();
        n.settings().forEach((k, v) -> {
            if (v != null) {
                try {
                    settings.add(k, JsonValues.toJson(v));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("node '" + n.id() + "' setting '" + k + "': " + e.getMessage(), e);
                }
            }
        });
        o.add("settings", settings);
        if (!n.secretMarks().isEmpty()) {
            // only when the user ticked or un-ticked "secret": files without marks stay as they were
            JsonObject marks = new JsonObject();
            n.secretMarks().forEach(marks::addProperty);
            o.add("secretMarks", marks);
        }
        return o;
    }

    private static JsonObject portJson(PortRef p) {
        JsonObject o = new JsonObject();
        o.addProperty("node", p.node());
        o.addProperty("port", p.port());
        return o;
    }
}
