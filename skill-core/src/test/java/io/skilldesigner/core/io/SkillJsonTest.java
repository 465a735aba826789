package io.skilldesigner.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

class SkillJsonTest {
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final SkillJson json = new SkillJson(catalog);

    /** A value of the setting's canonical type that differs from its default where possible. */
    static Object sampleValue(SettingSpec spec, int i) {
        return switch (spec.type()) {
            case TEXT -> "text " + i + " <a&b=c> \"q\" é";
            case INTEGER -> spec.min() != null ? (long) spec.min().doubleValue() + 1 : 7L + i;
            case DECIMAL -> 0.25 + i / 1000.0;
            case BOOLEAN -> !Boolean.TRUE.equals(spec.defaultValue());
            case CHOICE -> spec.choices().get(spec.choices().size() - 1);
            case STRING_LIST -> List.of("person", "car, red", "");
            case KEY_VALUE_LIST -> {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("ZETA", "last");
                m.put("ALPHA", "first=1");
                yield m;
            }
            case SECRET -> "s3cret-" + i;
            case FILE_PATH -> "/data/in put/" + i + ".mp4";
            case URL -> "rtsp://user:pw@camera.local:554/stream" + i;
            case JSON -> "{\"HostConfig\": {\"Privileged\": true}, \"n\": " + i + "}";
            case MODEL_REF -> "model-" + i;
            case POINT_LIST -> List.of(List.of(0.1, 0.2), List.of(0.3, 0.4), List.of(0.5, 0.6 + i / 100.0));
        };
    }

    /** One node of every catalog type with every setting set, plus a setting the catalog does not know. */
    static Skill everyNodeType(NodeCatalog catalog) {
        List<SkillNode> nodes = new ArrayList<>();
        List<SkillEdge> edges = new ArrayList<>();
        int i = 0;
        String previous = null;
        for (NodeType type : catalog.all()) {
            Map<String, Object> settings = new TreeMap<>();
            for (SettingSpec spec : type.settings()) {
                settings.put(spec.key(), sampleValue(spec, i++));
            }
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("n", 3L);
            extra.put("x", 1.5);
            extra.put("on", true);
            extra.put("list", List.of("a", 2L));
            settings.put("zz-unknown", extra);
            String id = type.id() + "-1";
            nodes.add(new SkillNode(id, type.id(), type.displayName() + " #1", settings,
                    new Position(10.5 * i, -3.25 * i)));
            if (previous != null && !type.inputs().isEmpty()) {
                edges.add(SkillEdge.of(previous, "f", id, "f"));
            }
            if (!type.outputs().isEmpty()) {
                previous = id;
            }
        }
        // a node whose type this build does not know keeps its settings as they are
        nodes.add(new SkillNode("future-1", "future-type", "From a newer version",
                Map.of("depth", 3L, "ratio", 0.5, "names", List.of("a", "b")), new Position(1, 2)));
        // a placeholder stays a placeholder whatever the setting's type
        SkillNode filter = nodes.stream().filter(n -> n.typeId().equals(FilterNode.ID)).findFirst().orElseThrow();
        nodes.set(nodes.indexOf(filter), filter.withSetting(FilterNode.MIN_CONFIDENCE, ParamRef.of("minconf")));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("zeta", "1");
        params.put("minconf", "0.4");
        params.put("rtsp", "invalid");
        return new Skill(Skill.CURRENT_FORMAT_VERSION, "skill-every-type", "Every type", "All of them\non two lines",
                new SkillBasics(30, Acceleration.NVIDIA_JETSON),
                List.of(new Tag("site", "Berlin"), new Tag("empty", "")), params, nodes, edges);
    }

    @Test
    void roundTripKeepsEveryNodeTypeSettingPositionTagAndParameter() throws Exception {
        Skill skill = everyNodeType(catalog);
        assertTrue(skill.nodes().size() > catalog.all().size(), "one node per catalog type plus an unknown one");
        String text = json.write(skill);
        Skill back = json.read(text, "every.skill.json");
        assertEquals(skill, back);
        // typed per catalog: the Java types match exactly, not merely their text
        for (int n = 0; n < skill.nodes().size(); n++) {
            for (Map.Entry<String, Object> e : skill.nodes().get(n).settings().entrySet()) {
                assertEquals(kind(e.getValue()), kind(back.nodes().get(n).setting(e.getKey())),
                        skill.nodes().get(n).id() + "." + e.getKey());
            }
        }
    }

    private static Class<?> kind(Object v) {
        return v instanceof List ? List.class : v instanceof Map ? Map.class : v.getClass();
    }

    @Test
    void writingIsStableAndHumanReadable() throws Exception {
        Skill skill = everyNodeType(catalog);
        String first = json.write(skill);
        assertEquals(first, json.write(skill), "same skill, same bytes");
        assertEquals(first, json.write(json.read(first, "a.skill.json")), "read then write changes nothing");
        assertTrue(first.startsWith("{\n  \"formatVersion\": 2,\n  \"id\": \"skill-every-type\",\n"), first);
        assertTrue(first.endsWith("}\n"));
        assertTrue(first.contains("<a&b=c>"), "no HTML escaping");
        assertTrue(first.contains("é"), "no unicode escaping");
        assertFalse(first.contains("\r"));
        List<String> topKeys = new ArrayList<>(json.toJson(skill).keySet());
        assertEquals(List.of("formatVersion", "id", "name", "description", "basics", "tags", "parameters", "nodes",
                "edges"), topKeys);
    }

    @Test
    void exactLayoutOfASmallSkill() {
        Skill skill = Skill.empty("demo", "Demo")
                .withParameters(Map.of("rtsp", "invalid"))
                .withNode(new SkillNode("cam", CameraInputNode.ID, "Door",
                        Map.of(CameraInputNode.SOURCE_KIND, "file", CameraInputNode.FILE_PATH_KEY, "a.mp4",
                                CameraInputNode.LOOP, true), new Position(10, 20)))
                .withNode(new SkillNode("flt", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, 0.5,
                        FilterNode.LABELS, List.of("person")), new Position(200, 20)))
                .withEdge(SkillEdge.of("cam", "f", "flt", "f"));
        String expected = """
                {
                  "formatVersion": 2,
                  "id": "demo",
                  "name": "Demo",
                  "description": "",
                  "basics": {
                    "desiredFps": 15,
                    "acceleration": "cpu"
                  },
                  "tags": [],
                  "parameters": {
                    "rtsp": "invalid"
                  },
                  "nodes": [
                    {
                      "id": "cam",
                      "type": "camera-input",
                      "displayName": "Door",
                      "position": {
                        "x": 10.0,
                        "y": 20.0
                      },
                      "settings": {
                        "filePath": "a.mp4",
                        "loop": true,
                        "sourceKind": "file"
                      }
                    },
                    {
                      "id": "flt",
                      "type": "filter",
                      "displayName": "",
                      "position": {
                        "x": 200.0,
                        "y": 20.0
                      },
                      "settings": {
                        "labels": [
                          "person"
                        ],
                        "minConfidence": 0.5
                      }
                    }
                  ],
                  "edges": [
                    {
                      "from": {
                        "node": "cam",
                        "port": "f"
                      },
                      "to": {
                        "node": "flt",
                        "port": "f"
                      }
                    }
                  ]
                }
                """;
        assertEquals(expected, json.write(skill));
    }

    @Test
    void settingsAreTypedByTheCatalogOnRead() throws Exception {
        String text = json.write(Skill.empty("s", "S").withNode(new SkillNode("f", FilterNode.ID, "", Map.of(), null)))
                .replace("\"settings\": {}", "\"settings\": {\"minConfidence\": \"0.75\", \"labels\": \"a,b\","
                        + " \"extra\": 5}");
        SkillNode node = json.read(text, "s.skill.json").nodes().get(0);
        assertEquals(0.75, node.setting(FilterNode.MIN_CONFIDENCE));
        assertEquals(List.of("a", "b"), node.setting(FilterNode.LABELS));
        assertEquals(5L, node.setting("extra"), "unknown keys are kept, loosely typed");
    }

    /** The text with {@code find} replaced, and where the replacement starts (line, column, 1-based). */
    private static String[] corrupt(String text, String find, String replacement) {
        int at = text.indexOf(find);
        assertTrue(at >= 0, "test text must contain " + find);
        String before = text.substring(0, at);
        int line = (int) before.chars().filter(c -> c == '\n').count() + 1;
        int column = at - before.lastIndexOf('\n');
        return new String[] {text.substring(0, at) + replacement + text.substring(at + find.length()),
                Integer.toString(line), Integer.toString(column)};
    }

    private String validText() {
        return json.write(Skill.empty("demo", "Demo")
                .withNode(new SkillNode("cam", CameraInputNode.ID, "", Map.of(), null))
                .withNode(new SkillNode("flt", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, 0.5), null))
                .withNode(new SkillNode("flt2", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, 0.25), null)));
    }

    @Test
    void wrongSettingTypeNamesFileLineColumnAndField() {
        String[] c = corrupt(validText(), "0.25", "\"abc\"");
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> json.read(c[0], "skills/demo.skill.json"));
        // value of the setting starts after `"minConfidence": ` on its line; the replacement begins at that column
        String valueLineStart = "\"minConfidence\": ";
        assertEquals("skills/demo.skill.json line " + c[1] + ", column " + (Integer.parseInt(c[2]))
                + ": nodes[2].settings.minConfidence: expected a number, got 'abc'", e.getMessage());
        assertEquals(Integer.parseInt(c[1]), e.line());
        assertEquals("nodes[2].settings.minConfidence", e.field());
        assertTrue(c[0].lines().skip(e.line() - 1).findFirst().orElseThrow().contains(valueLineStart + "\"abc\""));
    }

    @Test
    void locationsOfEveryKindOfValueAreTheirFirstCharacter() {
        // numbers (long and not), literals, strings, objects and lists, with the reader in different states
        for (String bad : List.of("123", "-4.5e3", "true", "{\"a\": 1}", "[1, 2]")) {
            String[] c = corrupt(validText(), "\"name\": \"Demo\"", "\"name\": " + bad);
            FileFormatException e = assertThrows(FileFormatException.class, () -> json.read(c[0], "x.skill.json"));
            assertEquals(Integer.parseInt(c[1]), e.line(), bad);
            assertEquals(Integer.parseInt(c[2]) + "\"name\": ".length(), e.column(), bad);
            assertEquals("name", e.field());
        }
    }

    @Test
    void syntaxErrorNamesLineAndColumn() {
        String[] c = corrupt(validText(), "\"name\": \"Demo\",", "\"name\": \"Demo\"");
        FileFormatException e = assertThrows(FileFormatException.class, () -> json.read(c[0], "d.skill.json"));
        assertEquals(Integer.parseInt(c[1]) + 1, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("d.skill.json line " + e.line() + ", column "), e.getMessage());
        assertTrue(e.getMessage().contains("not valid JSON"), e.getMessage());
        assertFalse(e.getMessage().contains("Troubleshooting"), "gson's link is dropped: " + e.getMessage());
    }

    @Test
    void lenientJsonIsRefused() {
        String[] c = corrupt(validText(), "\"name\": \"Demo\",", "\"name\": \"Demo\", // a comment\n");
        assertThrows(FileFormatException.class, () -> json.read(c[0], "d.skill.json"));
        String[] trailing = corrupt(validText(), "\"edges\": []", "\"edges\": [],");
        assertThrows(FileFormatException.class, () -> json.read(trailing[0], "d.skill.json"));
    }

    @Test
    void missingFieldNamesItsObjectsLine() {
        String[] c = corrupt(validText(), "\"type\": \"filter\",\n", "");
        FileFormatException e = assertThrows(FileFormatException.class, () -> json.read(c[0], "d.skill.json"));
        assertEquals("nodes[1].type", e.field());
        assertEquals("missing", e.detail());
        // the node object starts on the line with its opening brace, just before the id line
        int idLine = (int) c[0].substring(0, c[0].indexOf("\"id\": \"flt\"")).chars().filter(ch -> ch == '\n')
                .count() + 1;
        assertEquals(idLine - 1, e.line());
    }

    @Test
    void otherCorruptionsAreNamed() {
        assertEquals("d.skill.json: the file is empty",
                assertThrows(FileFormatException.class, () -> json.read("  \n", "d.skill.json")).getMessage());
        FileFormatException dup = assertThrows(FileFormatException.class,
                () -> json.read("{\"id\": \"a\",\n \"id\": \"b\"}", "d.skill.json"));
        assertEquals("d.skill.json line 2: id: the key 'id' appears twice", dup.getMessage());
        FileFormatException extra = assertThrows(FileFormatException.class,
                () -> json.read("{\"id\": \"a\"}\n{}", "d.skill.json"));
        assertEquals("d.skill.json line 2, column 1: unexpected content after the end of the JSON document",
                extra.getMessage());
        FileFormatException acc = assertThrows(FileFormatException.class, () -> json.read(
                "{\"formatVersion\": 1, \"id\": \"a\", \"basics\": {\"acceleration\": \"tpu\"}}", "d.skill.json"));
        assertEquals("d.skill.json line 1, column 60: basics.acceleration: expected one of cpu, nvidia-dgpu,"
                + " nvidia-jetson, intel-igpu, got 'tpu'", acc.getMessage());
        FileFormatException list = assertThrows(FileFormatException.class,
                () -> json.read("{\"formatVersion\": 1, \"id\": \"a\", \"nodes\": {}}", "d.skill.json"));
        assertEquals("d.skill.json line 1, column 42: nodes: expected a list, got an object", list.getMessage());
        FileFormatException notObject = assertThrows(FileFormatException.class, () -> json.read("[]", "d.skill.json"));
        assertEquals("d.skill.json line 1, column 1: expected an object, got a list", notObject.getMessage());
    }

    @Test
    void newerFormatVersionIsRefusedClearly() {
        String text = validText().replace("\"formatVersion\": 2", "\"formatVersion\": 7");
        UnsupportedFormatVersionException e = assertThrows(UnsupportedFormatVersionException.class,
                () -> json.read(text, "skills/demo.skill.json"));
        assertEquals(7, e.version());
        assertEquals("skills/demo.skill.json line 2, column 20: formatVersion: format version 7 is newer than this"
                + " Skill Designer supports (2); open it with a newer version. The file was left unchanged",
                e.getMessage());
        assertInstanceOf(FileFormatException.class, e);
    }
}
