package io.skilldesigner.core.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.kan.KanSkillWriter;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/** Scripted edits of a skill are reported exactly: what changed, old -> new, with the catalog's units. */
class SkillDifferTest {
    private static final String DETECTOR = "door-detector";
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final SkillDiffer differ = new SkillDiffer(catalog);

    private SkillNode node(String typeId, String id, double y, Map<String, Object> settings) {
        SkillNode n = catalog.get(typeId).newNode(id).withPosition(new Position(100, y));
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            n = n.withSetting(e.getKey(), e.getValue());
        }
        return n;
    }

    private Skill original() {
        List<SkillNode> nodes = List.of(
                node(CameraInputNode.ID, "cam", 0, Map.of(CameraInputNode.RTSP_URL, "rtsp://10.0.0.5:554/s1"))
                        .withDisplayName("Door camera"),
                node(ModelNode.ID, "det", 120, Map.of(ModelNode.MODEL, DETECTOR, ModelNode.CONFIDENCE, 0.35)),
                node(FilterNode.ID, "filter", 240, Map.of(FilterNode.LABELS, List.of("person"))),
                node(IotHubExportNode.ID, "hub", 360, Map.of(IotHubExportNode.DELAY_SECONDS, 45L)),
                node(MqttExportNode.ID, "mqtt", 360, Map.of(MqttExportNode.BROKER_ADDRESS, "broker:1883",
                        MqttExportNode.PASSWORD, "s3cret-one")));
        List<SkillEdge> edges = List.of(SkillEdge.of("cam", "f", "det", "f"), SkillEdge.of("det", "f", "filter", "f"),
                SkillEdge.of("filter", "f", "hub", "f"), SkillEdge.of("filter", "f", "mqtt", "f"));
        return new Skill(Skill.CURRENT_FORMAT_VERSION, "door-watch", "Door watch", "Counts people at the door.",
                new SkillBasics(12, Acceleration.CPU), List.of(new Tag("site", "store-12"), new Tag("team", "ops")),
                Map.of(), nodes, edges);
    }

    private static List<String> lines(List<SkillChange> changes) {
        return changes.stream().map(SkillChange::describe).toList();
    }

    @Test
    void aSkillEqualsItself() {
        SkillDiff d = differ.diff(original(), original());
        assertTrue(d.isEqual());
        assertEquals(List.of(), d.changes());
        assertEquals(List.of(), d.layout());
        assertEquals("no differences\n", d.toText(false));
    }

    @Test
    void scriptedEditIsReportedExactly() {
        Skill before = original();
        Skill after = before.withName("Door watch v2")
                .withBasics(before.basics().withDesiredFps(10))
                .withTags(List.of(new Tag("site", "store-14"), new Tag("owner", "ana")))
                .updateNode("det", n -> n.withSetting(ModelNode.CONFIDENCE, 0.6))
                .updateNode("hub", n -> n.withSetting(IotHubExportNode.DELAY_SECONDS, 30L)
                        .withDisplayName("Send to hub"))
                .updateNode("mqtt", n -> n.withSetting(MqttExportNode.PASSWORD, "s3cret-two"))
                .updateNode("filter", n -> n.withPosition(new Position(300, 240)))
                .withNode(node(CounterNode.ID, "count", 480, Map.of()))
                .withEdge(SkillEdge.of("filter", "f", "count", "f"))
                .withoutEdge(SkillEdge.of("filter", "f", "mqtt", "f"));

        SkillDiff d = differ.diff(before, after);

        assertEquals(List.of(
                "~ name: \"Door watch\" -> \"Door watch v2\"",
                "~ basics desired frame rate: 12 fps -> 10 fps",
                "+ tag owner=ana",
                "~ tag site: \"store-12\" -> \"store-14\"",
                "- tag team=ops",
                "~ node hub renamed: \"" + catalog.get(IotHubExportNode.ID).displayName() + "\" -> \"Send to hub\"",
                "+ node count (" + catalog.get(CounterNode.ID).displayName() + ", counter)",
                "~ setting det.confidence (Confidence threshold): 0.35 -> 0.6",
                "~ setting hub.delaySeconds (" + catalog.get(IotHubExportNode.ID).setting(
                        IotHubExportNode.DELAY_SECONDS).orElseThrow().label() + "): 45 seconds -> 30 seconds",
                "~ setting mqtt.password (Password): (hidden) -> (hidden)",
                "- edge filter.f -> mqtt.f",
                "+ edge filter.f -> count.f"), lines(d.changes()));
        assertEquals(List.of("~ position filter: (100, 240) -> (300, 240)"), lines(d.layout()));
        assertFalse(d.toText(true).contains("s3cret"), "secrets never shown");
        assertFalse(d.toJson(true).contains("s3cret"), "secrets never shown");
    }

    @Test
    void removedNodeTakesItsEdgesAlong() {
        Skill before = original();
        SkillDiff d = differ.diff(before, before.withoutNode("mqtt"));
        assertEquals(List.of("- node mqtt (" + catalog.get(MqttExportNode.ID).displayName() + ", mqtt-export)",
                "- edge filter.f -> mqtt.f"), lines(d.changes()));
    }

    @Test
    void layoutOnlyChangesAreEqualAndHiddenByDefault() {
        Skill before = original();
        Skill after = before.updateNode("cam", n -> n.withPosition(new Position(0, 0)))
                .updateNode("det", n -> n.withPosition(new Position(10.5, 130)));
        SkillDiff d = differ.diff(before, after);
        assertTrue(d.isEqual());
        assertEquals(2, d.layout().size());
        assertEquals("(2 layout-only changes hidden; --layout shows them)\nno differences\n", d.toText(false));
        assertTrue(d.toText(true).contains("~ position det: (100, 120) -> (10.5, 130)"), d.toText(true));
        JsonObject json = JsonParser.parseString(d.toJson(false)).getAsJsonObject();
        assertTrue(json.get("equal").getAsBoolean());
        assertEquals(2, json.get("layoutChanges").getAsInt());
        assertFalse(json.has("layout"));
    }

    @Test
    void defaultsWrittenOutOrLeftOutAndNumberSpellingsAreTheSame() {
        Skill before = original();
        Skill after = before.updateNode("det", n -> n.withSetting(ModelNode.CONFIDENCE_UPPER, 1.0)
                .withSetting(ModelNode.CONFIDENCE, "0.35"))
                .updateNode("filter", n -> n.withSetting(FilterNode.MIN_CONFIDENCE, null));
        assertEquals(List.of(), differ.diff(before, after).changes());
    }

    @Test
    void nodeWithANewIdButTheSameTypeAndSettingsIsOneNodeAndItsEdgesFollow() {
        Skill before = original();
        SkillNode det = before.node("det").orElseThrow();
        List<SkillEdge> edges = new ArrayList<>();
        for (SkillEdge e : before.edges()) {
            edges.add(SkillEdge.of(e.from().node().equals("det") ? "detector" : e.from().node(), e.from().port(),
                    e.to().node().equals("det") ? "detector" : e.to().node(), e.to().port()));
        }
        Skill after = before.withoutNode("det").withNode(det.withId("detector")).withEdges(edges);
        assertEquals(List.of("~ node id det -> detector (" + det.displayName() + ")"), lines(
                differ.diff(before, after).changes()));
    }

    @Test
    void modelsAreComparedByTheChecksumOfTheirFile() {
        Skill skill = original();
        ModelChecksums v1 = id -> DETECTOR.equals(id) ? Optional.of("aa11") : Optional.empty();
        ModelChecksums v2 = id -> DETECTOR.equals(id) ? Optional.of("bb22") : Optional.empty();
        assertEquals(List.of("~ model det.modelId (Model): sha256 aa11 -> bb22"),
                lines(differ.diff(skill, skill, v1, v2).changes()));
        assertEquals(List.of(), differ.diff(skill, skill, v1, v1).changes());

        // another model id with the same file: the reference changed, the model did not
        Skill renamedModel = skill.updateNode("det", n -> n.withSetting(ModelNode.MODEL, "door-detector-copy"));
        ModelChecksums copy = id -> Optional.of("aa11");
        assertEquals(List.of("~ setting det.modelId (Model): door-detector -> door-detector-copy"),
                lines(differ.diff(skill, renamedModel, v1, copy).changes()));
    }

    @Test
    void skillJsonAndItsKanYamlDifferOnlyInLayoutAndAnEditInTheYamlIsReported(@TempDir Path dir) throws Exception {
        ModelLibrary models = ModelLibrary.of(List.of(new ModelDescriptor(DETECTOR, "Door detector",
                ModelTask.DETECTION, null, FileLocation.local("door.onnx"), null, null, null, null, null, "aa11")));
        Skill skill = original();
        Path json = dir.resolve("door.skill.json");
        Files.writeString(json, new SkillJson(catalog).write(skill));
        String yaml = new KanSkillWriter(catalog, models).write(skill).toYaml();
        Path kan = dir.resolve("door.yaml");
        Files.writeString(kan, yaml);

        SkillFileReader reader = new SkillFileReader(catalog);
        Skill fromJson = reader.read(json, models);
        Skill fromKan = reader.read(kan, models);
        SkillDiff same = differ.diff(fromJson, fromKan, ModelChecksums.of(models), ModelChecksums.of(models));
        // secrets never go into a KAN file: that is the one difference besides the layout
        assertEquals(List.of("~ setting mqtt.password (Password): (hidden) -> (none)"), lines(same.changes()),
                same.toText(true));
        assertFalse(same.layout().isEmpty(), "KAN has no positions: the reader lays the nodes out anew");

        // KAN writes confidences as percentages: 35 -> 80
        assertTrue(yaml.contains("35"), yaml);
        Path edited = dir.resolve("door-edited.yml");
        Files.writeString(edited, new KanSkillWriter(catalog, models).write(
                skill.updateNode("det", n -> n.withSetting(ModelNode.CONFIDENCE, 0.8))).toYaml());
        assertEquals(List.of("~ setting det.confidence (Confidence threshold): 0.35 -> 0.8"),
                lines(differ.diff(fromKan, reader.read(edited, models)).changes()));
    }

    @Test
    void unreadableFileIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("broken.skill.json");
        Files.writeString(bad, "{ \"formatVersion\": 1, \"id\": ");
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> new SkillFileReader(catalog).read(bad, ModelLibrary.empty()));
        assertTrue(e.getMessage().contains("broken.skill.json"), e.getMessage());
    }
}
