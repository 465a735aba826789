package io.skilldesigner.core.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.kan.KanOmission.Kind;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/** What the writer reports instead of silently dropping, and KAN's percent scale. */
class KanSkillWriterTest {
    /** A node type only this test knows, with no KAN equivalent. */
    static final class BlurNode extends NodeType {
        static final String ID = "test-blur";

        BlurNode() {
            super(ID, NodeCategory.PROCESS, "Blur faces", "Blurs every detected face.", "blur",
                    List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()),
                    List.of(SettingSpec.builder("radius", SettingType.INTEGER).defaultValue(9).build()));
        }

        @Override
        public Optional<KanMapping> kan() {
            return Optional.empty();
        }
    }

    private final NodeCatalog catalog = withBlur();
    private final KanSkillWriter writer = new KanSkillWriter(catalog, KanTestData.library());

    private static NodeCatalog withBlur() {
        List<NodeType> types = new ArrayList<>(NodeCatalog.standard().all());
        types.add(new BlurNode());
        return new NodeCatalog(types);
    }

    private Skill cameraBlurModelFilter() {
        return Skill.empty("blur-demo", "Blur demo")
                .withNode(KanTestData.node(catalog, CameraInputNode.ID, "cam",
                        Map.of(CameraInputNode.RTSP_URL, "rtsp://10.0.0.5:554/a")))
                .withNode(catalog.get(BlurNode.ID).newNode("blur"))
                .withNode(KanTestData.node(catalog, ModelNode.ID, "det", Map.of(ModelNode.MODEL,
                        KanTestData.DETECTOR)))
                .withNode(catalog.get(FilterNode.ID).newNode("filter"))
                .withEdge(SkillEdge.of("cam", "f", "blur", "f"))
                .withEdge(SkillEdge.of("blur", "f", "det", "f"))
                .withEdge(SkillEdge.of("det", "f", "filter", "f"));
    }

    @Test
    void nodeWithoutKanEquivalentAndItsEdgesAreReportedNotSilentlyDropped() {
        KanExport export = writer.write(cameraBlurModelFilter());

        List<String> written = nodeIds(export);
        assertEquals(List.of("cam", "det", "filter"), written);
        assertEquals(1, edges(export).size(), "only det -> filter is written");

        List<KanOmission> nodes = of(export, Kind.NODE);
        assertEquals(1, nodes.size());
        assertEquals("blur", nodes.get(0).nodeId());
        assertEquals(BlurNode.ID, nodes.get(0).typeId());
        assertTrue(nodes.get(0).reason().contains("no KAN equivalent"), nodes.get(0).reason());

        List<KanOmission> edges = of(export, Kind.EDGE);
        assertEquals(List.of("cam.f -> blur.f", "blur.f -> det.f"), edges.stream().map(KanOmission::subject).toList());
        assertTrue(edges.stream().allMatch(e -> e.reason().contains("'blur'")));
        assertFalse(export.isComplete());
        assertEquals("blur", export.omissions().get(0).toProblem().nodeId());
    }

    @Test
    void builtInAnalyticsNodesAreReportedToo() {
        Skill skill = cameraBlurModelFilter().withNode(catalog.get(TrackerNode.ID).newNode("track"))
                .withEdge(SkillEdge.of("det", "f", "track", "f"));
        KanExport export = writer.write(skill);
        assertTrue(of(export, Kind.NODE).stream().anyMatch(o -> o.nodeId().equals("track")));
        assertTrue(of(export, Kind.EDGE).stream().anyMatch(o -> o.subject().equals("det.f -> track.f")));
    }

    @Test
    void webcamAndFileCamerasAreReportedBecauseKanKnowsOnlyRtsp() {
        for (String kind : List.of(CameraInputNode.WEBCAM, CameraInputNode.FILE)) {
            SkillNode cam = KanTestData.node(catalog, CameraInputNode.ID, "cam",
                    Map.of(CameraInputNode.SOURCE_KIND, kind, CameraInputNode.FILE_PATH_KEY, "/videos/door.mp4"));
            KanExport export = writer.write(Skill.empty("s", "s").withNode(cam));
            assertEquals(List.of("cam"), nodeIds(export), "the camera itself is exported as an RTSP source");
            List<KanOmission> settings = of(export, Kind.SETTING);
            assertTrue(settings.stream().anyMatch(o -> o.subject().equals(CameraInputNode.SOURCE_KIND)
                    && o.reason().contains("'" + kind + "'") && o.reason().contains("'rtsp'")), settings.toString());
            if (kind.equals(CameraInputNode.FILE)) {
                assertTrue(settings.stream().anyMatch(o -> o.subject().equals(CameraInputNode.FILE_PATH_KEY)
                        && o.reason().contains("/videos/door.mp4")), settings.toString());
            }
        }
    }

    /** KAN's camera has no turn: a turned camera is reported, an unturned one is not. */
    @Test
    void aCamerasTurnIsReportedBecauseKanCannotTurnFrames() {
        SkillNode turned = KanTestData.node(catalog, CameraInputNode.ID, "cam", Map.of(CameraInputNode.RTSP_URL,
                "rtsp://10.0.0.5/live", CameraInputNode.TURN, "180"));
        List<KanOmission> settings = of(writer.write(Skill.empty("s", "s").withNode(turned)), Kind.SETTING);
        assertTrue(settings.stream().anyMatch(o -> o.subject().equals(CameraInputNode.TURN)
                && o.reason().contains("'Turn frames'") && o.reason().contains("180")), settings.toString());
        SkillNode plain = KanTestData.node(catalog, CameraInputNode.ID, "cam", Map.of(CameraInputNode.RTSP_URL,
                "rtsp://10.0.0.5/live"));
        assertEquals(List.of(), of(writer.write(Skill.empty("s", "s").withNode(plain)), Kind.SETTING));
    }

    @Test
    void secretsAndCredentialsNeverReachTheDocumentOrTheReport() {
        SkillNode cam = KanTestData.node(catalog, CameraInputNode.ID, "cam",
                Map.of(CameraInputNode.RTSP_URL, "rtsp://admin:Sup3rSecret@10.0.0.5:554/live"));
        SkillNode mqtt = KanTestData.node(catalog, MqttExportNode.ID, "mqtt",
                Map.of(MqttExportNode.PASSWORD, "Mqtt-Pa55", MqttExportNode.TOPIC, "doors"));
        KanExport export = writer.write(Skill.empty("s", "s").withNode(cam).withNode(mqtt)
                .withEdge(SkillEdge.of("cam", "f", "mqtt", "f")));

        String everything = export.toYaml() + export.toJson() + export.omissions();
        assertFalse(everything.contains("Sup3rSecret"), everything);
        assertFalse(everything.contains("Mqtt-Pa55"), everything);
        assertTrue(export.toYaml().contains("ip: rtsp://10.0.0.5:554/live"), export.toYaml());

        List<KanOmission> settings = of(export, Kind.SETTING);
        assertTrue(settings.stream().anyMatch(o -> o.subject().equals(MqttExportNode.PASSWORD)
                && o.reason().contains("(secret)")), settings.toString());
        assertTrue(settings.stream().anyMatch(o -> o.subject().equals(MqttExportNode.TOPIC)
                && o.reason().contains("'doors'")), "a non-default topic KAN cannot carry: " + settings);
        assertTrue(settings.stream().anyMatch(o -> o.subject().equals(CameraInputNode.RTSP_URL)
                && o.reason().contains("***@")), "the credentials are mentioned, masked: " + settings);
    }

    @Test
    void classifierTaskIsReportedWhenTheModelIsNotInTheLibrary() {
        SkillNode cls = KanTestData.node(catalog, ModelNode.ID, "cls",
                Map.of(ModelNode.MODEL, KanTestData.CLASSIFIER, ModelNode.TASK, ModelNode.CLASSIFICATION));
        Skill skill = Skill.empty("s", "s").withNode(cls);
        assertTrue(writer.write(skill).isComplete(), "with the library, the task follows from the model");
        KanExport blind = new KanSkillWriter(catalog, ModelLibrary.empty()).write(skill);
        assertTrue(of(blind, Kind.SETTING).stream().anyMatch(o -> o.subject().equals(ModelNode.TASK)));
    }

    @Test
    void aValueKanCannotTakeLeavesTheNodeOutWithAReportInsteadOfFailing() {
        SkillNode filter = catalog.get(FilterNode.ID).newNode("filter").withSetting(FilterNode.MIN_CONFIDENCE, "high");
        KanExport export = writer.write(Skill.empty("s", "s").withNode(filter));
        assertEquals(List.of(), nodeIds(export));
        assertTrue(of(export, Kind.NODE).get(0).reason().contains("'high'"), export.omissions().toString());
    }

    @Test
    void defaultParametersBasicsTagsAndName() {
        Skill skill = Skill.empty("ABC def", "Shop").withParameters(Map.of("rtsp", "rtsp://cam/1"))
                .withTags(List.of(new Tag("zone", "north"), new Tag("bad tag", "x y")));
        KanExport export = writer.write(skill);
        Map<String, Object> metadata = map(export.document().get("metadata"));
        assertEquals("skill-abc-def", metadata.get("name"));
        assertEquals(Map.of("zone", "north"), metadata.get("labels"));
        assertTrue(export.omissions().stream().anyMatch(o -> o.kind() == Kind.SKILL
                && o.subject().equals("metadata.name")));
        assertTrue(export.omissions().stream().anyMatch(o -> o.kind() == Kind.SKILL
                && o.reason().contains("'bad tag'")));
        Map<String, Object> parameters = map(map(export.document().get("spec")).get("parameters"));
        assertEquals("rtsp://cam/1", parameters.get("rtsp"), "a skill's own value wins over KAN's default");
        for (String p : List.of("fps", "instance_displayname", "skill_displayname", "device_displayname",
                "device_id")) {
            assertEquals("invalid", parameters.get(p), p);
        }
        assertEquals("15", parameters.get("fpsRetrieve"));
        assertEquals("cpu", parameters.get("accelerationRetrieve"));
    }

    @Test
    void confidencesAreWrittenAsPercentAndReadBackAsFractions() throws Exception {
        SkillNode filter = KanTestData.node(catalog, FilterNode.ID, "filter",
                Map.of(FilterNode.MIN_CONFIDENCE, 0.35));
        SkillNode model = KanTestData.node(catalog, ModelNode.ID, "det",
                Map.of(ModelNode.MODEL, KanTestData.DETECTOR, ModelNode.CONFIDENCE, 0.5,
                        ModelNode.CONFIDENCE_UPPER, 0.987));
        KanExport export = writer.write(Skill.empty("s", "s").withNode(filter).withNode(model));
        assertEquals("35", configurations(export, 0).get("confidence_threshold"));
        assertEquals("50", configurations(export, 1).get("confidence_lower"));
        assertEquals("98.7", configurations(export, 1).get("confidence_upper"));

        KanMapping kan = catalog.get(FilterNode.ID).kan().orElseThrow();
        assertEquals(0.125, kan.fromKan("filter_transform", Map.of("confidence_threshold", "12.5"))
                .get(FilterNode.MIN_CONFIDENCE));
        assertEquals(0.0, kan.fromKan("filter_transform", Map.of("confidence_threshold", "0"))
                .get(FilterNode.MIN_CONFIDENCE));
        assertEquals(1.0, kan.fromKan("filter_transform", Map.of("confidence_threshold", " 100 "))
                .get(FilterNode.MIN_CONFIDENCE));
        assertEquals("$param(threshold)", kan.fromKan("filter_transform",
                Map.of("confidence_threshold", "$param(threshold)")).get(FilterNode.MIN_CONFIDENCE));
        assertEquals("$param(threshold)", kan.toKan(filter.withSetting(FilterNode.MIN_CONFIDENCE,
                "$param(threshold)")).get("confidence_threshold"));
    }

    private static List<KanOmission> of(KanExport export, Kind kind) {
        return export.omissions().stream().filter(o -> o.kind() == kind).toList();
    }

    private static List<String> nodeIds(KanExport export) {
        return nodes(export).stream().map(n -> String.valueOf(n.get("id"))).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> nodes(KanExport export) {
        return (List<Map<String, Object>>) map(export.document().get("spec")).get("nodes");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> edges(KanExport export) {
        return (List<Object>) map(export.document().get("spec")).get("edges");
    }

    private static Map<String, Object> configurations(KanExport export, int index) {
        return map(nodes(export).get(index).get("configurations"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }
}
