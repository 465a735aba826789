package io.skilldesigner.core.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.kan.KanImportNote.Level;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/** Importing skills written the way KAN writes them (fixtures under test resources kan/). */
class KanSkillReaderTest {
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final KanSkillReader reader = new KanSkillReader(catalog, KanTestData.library());

    @Test
    void readsEveryNodeTypeAsKanWritesItFromYaml() throws Exception {
        KanImport imported = reader.read(KanTestData.resource("kan-written-all-nodes.yaml"));
        assertAllNodesSkill(imported);
    }

    @Test
    void readsTheSameSkillFromJson() throws Exception {
        KanImport yaml = reader.read(KanTestData.resource("kan-written-all-nodes.yaml"));
        KanImport json = reader.read(KanTestData.resource("kan-written-all-nodes.json"));
        assertAllNodesSkill(json);
        assertEquals(yaml.skill(), json.skill());
    }

    private void assertAllNodesSkill(KanImport imported) {
        Skill skill = imported.skill();
        assertEquals("5c0ae8b4-1d7e-4f36-9a0b-6f3d2e9c1a42", skill.id(), "metadata.name without 'skill-'");
        assertEquals("Store entrance watch", skill.name());
        assertEquals(List.of(new Tag("scenario", "retail"), new Tag("site", "store-12")), skill.tags());
        assertEquals(10, skill.basics().desiredFps());
        assertEquals(Acceleration.NVIDIA_DGPU, skill.basics().acceleration());
        // rtsp is still used by the camera as a placeholder; KAN's other unset defaults are not used.
        assertEquals(Map.of("rtsp", "invalid"), skill.parameters());

        assertEquals(Map.of(CameraInputNode.SOURCE_KIND, "rtsp", CameraInputNode.RTSP_URL, "$param(rtsp)"),
                pick(node(skill, "1"), CameraInputNode.SOURCE_KIND, CameraInputNode.RTSP_URL));
        assertEquals(Map.of(ModelNode.MODEL, KanTestData.DETECTOR, ModelNode.TASK, ModelNode.DETECTION,
                        ModelNode.CONFIDENCE, 0.3, ModelNode.CONFIDENCE_UPPER, 1.0, ModelNode.MAX_IMAGES, 0L),
                pick(node(skill, "2"), ModelNode.MODEL, ModelNode.TASK, ModelNode.CONFIDENCE,
                        ModelNode.CONFIDENCE_UPPER, ModelNode.MAX_IMAGES));
        // Named by the model's name in KAN: matched in the library by name, task taken from the model.
        assertEquals(Map.of(ModelNode.MODEL, KanTestData.CLASSIFIER, ModelNode.TASK, ModelNode.CLASSIFICATION,
                        ModelNode.CONFIDENCE, 0.125, ModelNode.CONFIDENCE_UPPER, 0.95, ModelNode.MAX_IMAGES, 20L),
                pick(node(skill, "3"), ModelNode.MODEL, ModelNode.TASK, ModelNode.CONFIDENCE,
                        ModelNode.CONFIDENCE_UPPER, ModelNode.MAX_IMAGES));
        assertEquals(Map.of(FilterNode.LABELS, List.of("person", "car"), FilterNode.MIN_CONFIDENCE, 0.5),
                pick(node(skill, "4"), FilterNode.LABELS, FilterNode.MIN_CONFIDENCE));
        assertEquals(Map.of(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER,
                        GrpcCustomNode.CONTAINER_NAME, "colour-classifier",
                        GrpcCustomNode.IMAGE, "myregistry.azurecr.io/colour:1.0",
                        GrpcCustomNode.CREATE_OPTIONS,
                        "{\"HostConfig\":{\"PortBindings\":{\"50051/tcp\":[{\"HostPort\":\"50051\"}]}}}",
                        GrpcCustomNode.RESTART_POLICY, "on-failure", GrpcCustomNode.PORT, 50051L,
                        GrpcCustomNode.ROUTE, "/score"),
                pick(node(skill, "5"), GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER_NAME, GrpcCustomNode.IMAGE,
                        GrpcCustomNode.CREATE_OPTIONS, GrpcCustomNode.RESTART_POLICY, GrpcCustomNode.PORT,
                        GrpcCustomNode.ROUTE));
        assertEquals("colour-classifier:50051/score", GrpcCustomNode.containerEndpoint(node(skill, "5").settings()));
        assertEquals(Map.of(GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT, GrpcCustomNode.ENDPOINT_URL,
                "10.0.0.12:50051"), pick(node(skill, "6"), GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT_URL));
        // Video snippet delay stays in minutes, as KAN counts it; the other exports' in seconds.
        assertEquals(Map.of(VideoSnippetExportNode.FILENAME_PREFIX, "entrance",
                        VideoSnippetExportNode.DURATION_SECONDS, 20L, VideoSnippetExportNode.INSIGHTS_OVERLAY, true,
                        VideoSnippetExportNode.DELAY_MINUTES, 5L),
                pick(node(skill, "7"), VideoSnippetExportNode.FILENAME_PREFIX,
                        VideoSnippetExportNode.DURATION_SECONDS, VideoSnippetExportNode.INSIGHTS_OVERLAY,
                        VideoSnippetExportNode.DELAY_MINUTES));
        assertEquals(30L, node(skill, "8").setting(IotHubExportNode.DELAY_SECONDS));
        assertEquals(Map.of(IotEdgeModuleExportNode.MODULE_NAME, "counter-module",
                        IotEdgeModuleExportNode.MODULE_INPUT, "input1", IotEdgeModuleExportNode.DELAY_SECONDS, 10L),
                pick(node(skill, "9"), IotEdgeModuleExportNode.MODULE_NAME, IotEdgeModuleExportNode.MODULE_INPUT,
                        IotEdgeModuleExportNode.DELAY_SECONDS));
        assertEquals(Map.of(MqttExportNode.BROKER_ADDRESS, "mqtt.default.svc.cluster.local:1883",
                        MqttExportNode.DELAY_SECONDS, 30L),
                pick(node(skill, "10"), MqttExportNode.BROKER_ADDRESS, MqttExportNode.DELAY_SECONDS));
        assertEquals("http://insights.example.com:8080/ingest", node(skill, "11").setting(HttpExportNode.URL_KEY));
        // Settings KAN has no key for get the node type's defaults.
        assertEquals(catalog.get(MqttExportNode.ID).defaultSettings().get(MqttExportNode.TOPIC),
                node(skill, "10").setting(MqttExportNode.TOPIC));

        assertEquals(10, skill.edges().size());
        assertTrue(skill.edges().contains(SkillEdge.of("6", "f", "11", "f")));
        assertEquals(List.of(), imported.warnings(), "a KAN-written skill imports without warnings");
        assertTrue(has(imported, Level.INFO, n -> n.nodeId().equals("3") && n.message().contains("by name")));
    }

    @Test
    void laysNodesOutTopToBottomByDepth() throws Exception {
        Skill skill = reader.read(KanTestData.resource("kan-written-all-nodes.yaml")).skill();
        for (SkillEdge e : skill.edges()) {
            assertTrue(node(skill, e.from().node()).position().y() < node(skill, e.to().node()).position().y(),
                    e + " points downwards");
        }
        List<Double> exportRows = List.of("7", "8", "9", "10", "11").stream()
                .map(id -> node(skill, id).position().y()).distinct().toList();
        assertEquals(1, exportRows.size(), "the five exports share one row");
        assertEquals(5, List.of("7", "8", "9", "10", "11").stream()
                .map(id -> node(skill, id).position().x()).distinct().count(), "side by side");
    }

    @Test
    void toleratesKanQuirksAndReportsWhatItDropsOrFillsIn() throws Exception {
        KanImport imported = reader.read(KanTestData.resource("kan-quirks.json"));
        Skill skill = imported.skill();

        // A model missing from the library: node kept with its reference, flagged.
        assertEquals("yolov8-vehicles", node(skill, "yolo").setting(ModelNode.MODEL));
        assertTrue(has(imported, Level.WARNING, n -> n.nodeId().equals("yolo")
                && n.message().contains("'yolov8-vehicles' is not in your model library")));
        // A KAN node without equivalent is left out with its edges, each reported.
        assertTrue(skill.node("sorter").isEmpty());
        assertTrue(has(imported, Level.WARNING, n -> n.nodeId().equals("sorter")
                && n.message().contains("sort_transform") && n.message().contains("not imported")));
        assertEquals(2, imported.warnings().stream().filter(n -> n.message().contains("node 'sorter' was not"
                + " imported")).count(), "both edges through the dropped node are reported");
        assertTrue(skill.edges().contains(SkillEdge.of("yolo", "f", "only-cars", "f")));
        // Python-style list in a string, and a JSON number where KAN writes a string.
        assertEquals(List.of("car", "truck"), node(skill, "only-cars").setting(FilterNode.LABELS));
        assertEquals(0.55, node(skill, "only-cars").setting(FilterNode.MIN_CONFIDENCE));
        // Unknown configuration key: dropped and reported, never a crash.
        assertTrue(has(imported, Level.WARNING, n -> n.where().equals("spec.nodes[3].configurations.debug")
                && n.message().contains("'debug'")));
        // Missing key: the node type's default.
        assertEquals(30L, node(skill, "hub").setting(IotHubExportNode.DELAY_SECONDS));
        assertTrue(has(imported, Level.INFO, n -> n.nodeId().equals("hub") && n.message().contains("delay_buffer")));
        // A literal camera fps is not kept: export always writes $param(fps).
        assertTrue(has(imported, Level.WARNING, n -> n.where().equals("spec.nodes[0].configurations.fps")
                && n.message().contains("$param(fps)")));
        // An embedded $param stays as written, and its parameter is kept.
        assertEquals("http://$param(collector):8080/ingest", node(skill, "web").setting(HttpExportNode.URL_KEY));
        assertEquals(Map.of("collector", "collector.local"), skill.parameters());
        // fpsRetrieve 7.5 is rounded, with a note.
        assertEquals(8, skill.basics().desiredFps());
        assertTrue(has(imported, Level.WARNING, n -> n.where().equals("spec.parameters.fpsRetrieve")));
        assertEquals(Acceleration.CPU, skill.basics().acceleration());
        assertTrue(has(imported, Level.INFO, n -> n.message().contains("'owner'")));
    }

    @Test
    void everyConfigurationThatDoesNotComeBackOnExportIsReported() throws Exception {
        String text = KanTestData.resource("kan-quirks.json");
        KanImport imported = reader.read(text);
        Map<String, Object> exported = new KanSkillWriter(catalog, KanTestData.library()).write(imported.skill())
                .document();
        Map<String, Map<String, Object>> after = new java.util.HashMap<>();
        nodes(exported).forEach(n -> after.put(String.valueOf(n.get("id")), map(n.get("configurations"))));
        List<Map<String, Object>> before = nodes(KanTree.parse(text).root());
        int differences = 0;
        for (int i = 0; i < before.size(); i++) {
            String id = String.valueOf(before.get(i).get("id"));
            Map<String, Object> was = map(before.get(i).get("configurations"));
            Map<String, Object> now = after.get(id);
            String path = "spec.nodes[" + i + "]";
            if (now == null) {
                assertTrue(has(imported, Level.WARNING, n -> n.where().equals(path)), "dropped node " + id);
                continue;
            }
            for (Map.Entry<String, Object> c : was.entrySet()) {
                Object back = now.get(c.getKey());
                if (back == null || !KanSkillReader.sameKanValue(String.valueOf(c.getValue()), String.valueOf(back))) {
                    differences++;
                    String where = path + ".configurations." + c.getKey();
                    assertTrue(has(imported, Level.WARNING, n -> n.where().equals(where)), "reported: " + where);
                }
            }
            for (String key : now.keySet()) {
                if (!was.containsKey(key)) {
                    differences++;
                    assertTrue(has(imported, Level.INFO, n -> n.nodeId().equals(id) && n.message().contains(
                            "'" + key + "' is missing")), "reported: " + id + " " + key);
                }
            }
        }
        assertEquals(3, differences, "fps literal, debug key, missing delay_buffer");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(Object document) {
        return (List<Map<String, Object>>) map(map(document).get("spec")).get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static boolean has(KanImport imported, Level level, Predicate<KanImportNote> test) {
        return imported.notes().stream().anyMatch(n -> n.level() == level && test.test(n));
    }

    private static SkillNode node(Skill skill, String id) {
        return skill.node(id).orElseThrow(() -> new AssertionError("no node " + id));
    }

    private static Map<String, Object> pick(SkillNode node, String... keys) {
        java.util.Map<String, Object> out = new java.util.HashMap<>();
        for (String k : keys) {
            out.put(k, node.setting(k));
        }
        return out;
    }
}
