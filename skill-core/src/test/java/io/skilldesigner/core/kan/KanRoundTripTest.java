package io.skilldesigner.core.kan;

import static io.skilldesigner.core.kan.KanTestData.withoutPositions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/** Our skill → KAN → our skill, through YAML and JSON, for every node type that has a KAN equivalent. */
class KanRoundTripTest {
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final ModelLibrary library = KanTestData.library();
    private final KanSkillWriter writer = new KanSkillWriter(catalog, library);
    private final KanSkillReader reader = new KanSkillReader(catalog, library);

    @Test
    void testSkillUsesEveryKanNodeTypeOfTheCatalog() {
        Set<String> used = KanTestData.everyKanNodeType(catalog).nodes().stream().map(SkillNode::typeId)
                .collect(Collectors.toSet());
        for (NodeType type : catalog.all()) {
            if (type.kan().isPresent()) {
                assertTrue(used.contains(type.id()), "the round-trip skill lacks KAN node type " + type.id());
            }
        }
    }

    @Test
    void everyKanNodeTypeSurvivesYamlRoundTrip() throws Exception {
        Skill original = KanTestData.everyKanNodeType(catalog);
        KanExport export = writer.write(original);
        assertEquals(List.of(), export.omissions(), "a skill KAN can express loses nothing");

        KanImport imported = reader.read(export.toYaml());

        assertEquals(withoutPositions(original), withoutPositions(imported.skill()));
        assertEquals(List.of(), imported.warnings());
    }

    @Test
    void everyKanNodeTypeSurvivesJsonRoundTrip() throws Exception {
        Skill original = KanTestData.everyKanNodeType(catalog);
        String json = writer.write(original).toJson();

        KanImport imported = reader.read(json);

        assertEquals(withoutPositions(original), withoutPositions(imported.skill()));
        assertEquals(List.of(), imported.warnings());
    }

    @Test
    void eachNodeTypeAloneSurvivesBothFormats() throws Exception {
        Skill full = KanTestData.everyKanNodeType(catalog);
        for (SkillNode node : full.nodes()) {
            Skill single = Skill.empty("single-" + node.id(), node.id()).withNode(node);
            KanExport export = writer.write(single);
            assertEquals(List.of(), export.omissions(), node.typeId());
            for (String text : List.of(export.toYaml(), export.toJson())) {
                SkillNode back = reader.read(text).skill().nodes().get(0);
                assertEquals(node.withPosition(back.position()), back, node.typeId());
            }
        }
    }

    @Test
    void classifierKeepsItsTaskThroughTheModelLibrary() throws Exception {
        Skill original = KanTestData.everyKanNodeType(catalog);
        Skill back = reader.read(writer.write(original).toYaml()).skill();
        assertEquals(ModelNode.CLASSIFICATION, back.node("cls").orElseThrow().setting(ModelNode.TASK));
        assertEquals(ModelNode.DETECTION, back.node("det").orElseThrow().setting(ModelNode.TASK));
    }

    @ParameterizedTest
    @ValueSource(strings = {"kan-written-all-nodes.yaml", "kan-written-all-nodes.json"})
    void kanSkillSurvivesImportAndExportWithTheSameDocument(String fixture) throws Exception {
        String text = KanTestData.resource(fixture);
        Map<String, Object> original = tree(text);

        KanImport imported = reader.read(text);
        Map<String, Object> exported = writer.write(imported.skill()).document();

        List<Map<String, Object>> before = nodes(original);
        List<Map<String, Object>> after = nodes(exported);
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertEquals(before.get(i).get("id"), after.get(i).get("id"));
            assertEquals(before.get(i).get("type"), after.get(i).get("type"));
            assertEquals(before.get(i).get("configurations"), after.get(i).get("configurations"),
                    "configurations of KAN node " + before.get(i).get("id"));
        }
        // The classifier was named by its model's name in KAN; export names it by the library id.
        assertEquals("SqueezeNet 1.1", before.get(2).get("name"));
        assertEquals(KanTestData.CLASSIFIER, after.get(2).get("name"));
        before.get(2).put("name", KanTestData.CLASSIFIER);
        assertEquals(original, tree(KanText.toYaml(exported)), "the whole document comes back unchanged");
    }

    @Test
    void writtenJsonIsTheSameDocumentAsTheYamlWithStringValuesOnly() throws Exception {
        KanExport export = writer.write(KanTestData.everyKanNodeType(catalog));
        assertEquals(tree(export.toYaml()), tree(export.toJson()));
        JsonElement json = JsonParser.parseString(export.toJson());
        for (JsonElement node : json.getAsJsonObject().getAsJsonObject("spec").getAsJsonArray("nodes")) {
            node.getAsJsonObject().getAsJsonObject("configurations").entrySet().forEach(e ->
                    assertTrue(e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString(),
                            "configuration " + e.getKey() + " is a string"));
        }
        json.getAsJsonObject().getAsJsonObject("spec").getAsJsonObject("parameters").entrySet().forEach(e ->
                assertTrue(e.getValue().getAsJsonPrimitive().isString(), "parameter " + e.getKey()));
    }

    @Test
    void writtenYamlHasKansShape() {
        String yaml = writer.write(KanTestData.everyKanNodeType(catalog)).toYaml();
        assertTrue(yaml.startsWith("apiVersion: ai.symphony/v1\nkind: Skill\nmetadata:\n"
                + "  name: skill-7f3e2a10-5b6c-4d8e-9f01-23456789abcd\n  labels:\n    scenario: retail\n"), yaml);
        assertTrue(yaml.contains("\n  displayName: Door watch\n  nodes:\n  - id: cam\n    type: source\n"
                + "    name: rtsp\n    configurations:\n      ip: rtsp://192.168.1.20:554/stream1\n"
                + "      fps: $param(fps)\n      device_name: $param(device_id)\n"), yaml);
        assertTrue(yaml.contains("      labels: '[\"person\",\"car\"]'\n      confidence_threshold: '60'\n"), yaml);
        assertTrue(yaml.contains("  - source:\n      node: cam\n      route: f\n    target:\n      node: det\n"
                + "      route: f\n"), yaml);
        assertTrue(yaml.contains("      endpoint_url: colour:6000/grpc\n"), yaml);
        assertTrue(yaml.contains("    rtsp: invalid\n"), yaml);
        assertTrue(yaml.contains("    fpsRetrieve: '12'\n    accelerationRetrieve: intel-igpu\n"), yaml);
        assertTrue(yaml.contains("    skilldesigner.node.cam.displayName: Door camera\n"), yaml);
        assertFalse(yaml.contains("!!"), "no YAML type tags");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Map<String, Object> document) {
        return (List<Map<String, Object>>) ((Map<String, Object>) document.get("spec")).get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> tree(String text) throws KanFormatException {
        return assertInstanceOf(Map.class, KanTree.parse(text).root());
    }
}
