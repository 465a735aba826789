package io.skilldesigner.core.validation;

import static io.skilldesigner.core.validation.Problem.error;
import static io.skilldesigner.core.validation.Problem.warning;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

class SkillValidatorTest {
    private final NodeCatalog catalog = NodeCatalog.standard();
    private final ModelLibrary models = ModelLibrary.of(List.of(
            new ModelDescriptor("det-model", "Detector", ModelTask.DETECTION, null, FileLocation.local("d.onnx"),
                    null, null, null, null, null, null),
            new ModelDescriptor("cls-model", "Classifier", ModelTask.CLASSIFICATION, null,
                    FileLocation.local("c.onnx"), null, null, null, null, null, null)));
    private final SkillValidator validator = new SkillValidator(catalog, models);

    private static SkillNode node(String id, String type, Object... keyValues) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            settings.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new SkillNode(id, type, "", settings, null);
    }

    private static Map<String, String> kanDefaults() {
        Map<String, String> p = new LinkedHashMap<>();
        for (String name : List.of("rtsp", "fps", "instance_displayname", "skill_displayname", "device_displayname",
                "device_id")) {
            p.put(name, "invalid");
        }
        return p;
    }

    /** camera (file) → detector → classifier (objects) → MQTT, with KAN's default parameters. */
    private static Skill valid() {
        return Skill.empty("s", "Door watch").withParameters(kanDefaults())
                .withNode(node("cam", CameraInputNode.ID, CameraInputNode.SOURCE_KIND, "file",
                        CameraInputNode.FILE_PATH_KEY, "door.mp4"))
                .withNode(node("det", ModelNode.ID, ModelNode.MODEL, "det-model"))
                .withNode(node("cls", ModelNode.ID, ModelNode.MODEL, "cls-model", ModelNode.TASK,
                        ModelNode.CLASSIFICATION))
                .withNode(node("mqtt", MqttExportNode.ID))
                .withEdge(SkillEdge.of("cam", "f", "det", "f"))
                .withEdge(SkillEdge.of("det", "f", "cls", "f"))
                .withEdge(SkillEdge.of("cls", "f", "mqtt", "f"));
    }

    private void assertProblems(Skill skill, Problem... expected) {
        assertEquals(List.of(expected), validator.validate(skill));
    }

    private static Skill set(Skill skill, String nodeId, String key, Object value) {
        return skill.updateNode(nodeId, n -> n.withSetting(key, value));
    }

    @Test
    void aGoodSkillHasNoProblems() {
        assertProblems(valid());
    }

    @Test
    void skillNameAndFrameRate() {
        assertProblems(valid().withName(" "), error("", "name", "The skill has no name"));
        assertProblems(valid().withBasics(valid().basics().withDesiredFps(0)),
                error("", "basics.desiredFps", "Desired frame rate must be between 1 and 120 fps, not 0"));
        assertProblems(valid().withBasics(valid().basics().withDesiredFps(121)),
                error("", "basics.desiredFps", "Desired frame rate must be between 1 and 120 fps, not 121"));
        assertProblems(valid().withBasics(valid().basics().withDesiredFps(120)));
    }

    @Test
    void noSourceIsOneProblemNotOnePerNode() {
        assertProblems(valid().withoutNode("cam"), error("", "", "The skill has no source node; add a camera input"));
    }

    @Test
    void nodesNotReachableFromASource() {
        Skill s = valid().withNode(node("flt", FilterNode.ID)).withNode(node("mqtt2", MqttExportNode.ID))
                .withEdge(SkillEdge.of("flt", "f", "mqtt2", "f"));
        assertProblems(s, error("flt", "", "Not connected to a source: no frames reach this node"),
                error("mqtt2", "", "Not connected to a source: no frames reach this node"));
    }

    @Test
    void cycles() {
        Skill s = valid().withNode(node("f1", FilterNode.ID)).withNode(node("f2", FilterNode.ID))
                .withEdge(SkillEdge.of("det", "f", "f1", "f"))
                .withEdge(SkillEdge.of("f1", "f", "f2", "f"))
                .withEdge(SkillEdge.of("f2", "f", "f1", "f"));
        assertProblems(s,
                error("f1", "", "Input 'frame' accepts one connection but has 2 (from 'det', 'f2')"),
                error("f1", "", "Nodes 'f1' → 'f2' → 'f1' form a cycle"));
        Skill self = valid().withNode(node("f1", FilterNode.ID)).withEdge(SkillEdge.of("f1", "f", "f1", "f"));
        assertProblems(self, error("f1", "", "Not connected to a source: no frames reach this node"),
                error("f1", "", "Nodes 'f1' → 'f1' form a cycle"));
    }

    @Test
    void unknownNodeType() {
        Skill s = valid().withNode(node("x", "teleporter", "speed", 3L)).withEdge(SkillEdge.of("cls", "f", "x", "in"));
        assertProblems(s, error("x", "", "Unknown node type 'teleporter'"));
    }

    @Test
    void edgesToMissingNodesAndPorts() {
        Skill s = valid()
                .withEdge(SkillEdge.of("cam", "f", "ghost", "f"))
                .withEdge(SkillEdge.of("ghost", "f", "nobody", "f"))
                .withEdge(SkillEdge.of("cam", "x", "mqtt", "f"))
                .withEdge(SkillEdge.of("mqtt", "f", "det", "in"));
        assertProblems(s,
                error("cam", "", "Edge from 'cam.f' to 'ghost.f': node 'ghost' does not exist"),
                error("", "", "Edge from 'ghost.f' to 'nobody.f': nodes 'ghost' and 'nobody' do not exist"),
                error("cam", "", "Edge from 'cam.x' to 'mqtt.f': Camera input has no output port 'x'"),
                error("mqtt", "", "Edge from 'mqtt.f' to 'det.in': Insights to MQTT has no output port 'f'"),
                error("det", "", "Edge from 'mqtt.f' to 'det.in': Run ML model has no input port 'in'"));
    }

    @Test
    void secondEdgeIntoASingleInput() {
        Skill s = valid().withNode(node("cam2", CameraInputNode.ID, CameraInputNode.SOURCE_KIND, "webcam"))
                .withEdge(SkillEdge.of("cam2", "f", "det", "f"));
        assertProblems(s, error("det", "", "Input 'frame' accepts one connection but has 2 (from 'cam', 'cam2')"));
    }

    @Test
    void duplicateNodeIds() {
        Skill s = valid().withNode(node("det", FilterNode.ID));
        assertProblems(s, error("det", "", "Node id 'det' is used by 2 nodes"));
    }

    @Test
    void requiredSettingsOnlyWhereEnabled() {
        assertProblems(set(valid(), "mqtt", MqttExportNode.BROKER_ADDRESS, ""),
                error("mqtt", "brokerAddress", "Broker address is required"));
        // the RTSP URL is required only for an RTSP source
        assertProblems(set(valid(), "cam", CameraInputNode.SOURCE_KIND, "rtsp"),
                error("cam", "rtspUrl", "RTSP URL is required"));
        // and a disabled setting's value is not checked at all
        assertProblems(set(valid(), "cam", CameraInputNode.RTSP_URL, "ftp://not-rtsp"));
    }

    @Test
    void valuesOfTheWrongType() {
        assertProblems(set(valid(), "cam", CameraInputNode.LOOP, "maybe"),
                error("cam", "loop", "Loop: expected true or false, got 'maybe'"));
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, "high"),
                error("det", "confidence", "Confidence threshold: expected a number, got 'high'"));
    }

    @Test
    void valuesOutOfRange() {
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, -0.5),
                error("det", "confidence", "Confidence threshold must be between 0 and 1, not -0.5"));
        // the type's own check adds what the out-of-range value also breaks
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, 1.5),
                error("det", "confidence", "Confidence threshold must be between 0 and 1, not 1.5"),
                error("det", "confidenceUpper", "Confidence upper bound 1.0 is below the threshold 1.5"));
        assertProblems(set(valid(), "det", ModelNode.MAX_IMAGES, -1L),
                error("det", "maxImages", "Capture images for retraining must be at least 0, not -1"));
        Skill snippet = valid().withNode(node("vid", VideoSnippetExportNode.ID,
                VideoSnippetExportNode.DURATION_SECONDS, 700L)).withEdge(SkillEdge.of("cls", "f", "vid", "f"));
        assertProblems(snippet, error("vid", "durationSeconds", "Duration must be between 1 and 600 seconds, not 700"));
        Skill zone = valid().withNode(node("z", ZoneNode.ID, ZoneNode.POLYGON,
                List.of(List.of(0.1, 0.1), List.of(0.5, 0.5)))).withEdge(SkillEdge.of("cls", "f", "z", "f"));
        assertProblems(zone, error("z", "polygon", "Polygon must have at least 3 entries, not 2"));
    }

    @Test
    void valuesNotMatchingThePattern() {
        assertProblems(set(valid(), "mqtt", MqttExportNode.TOPIC, "alerts/#"),
                error("mqtt", "topic", "Topic 'alerts/#' is not valid"));
        assertProblems(set(valid(), "mqtt", MqttExportNode.BROKER_ADDRESS, "broker:99999"),
                error("mqtt", "brokerAddress", "Broker address 'broker:99999' is not valid: host:port"));
        // credentials in a URL never reach a message
        Skill rtsp = set(set(valid(), "cam", CameraInputNode.SOURCE_KIND, "rtsp"), "cam", CameraInputNode.RTSP_URL,
                "http://admin:hunter2@cam/stream");
        List<Problem> problems = validator.validate(rtsp);
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("rtspUrl", problems.get(0).setting());
        assertTrue(problems.get(0).message().startsWith("RTSP URL 'http://***@cam/stream' is not valid"),
                problems.get(0).message());
    }

    @Test
    void valuesNotAmongTheChoices() {
        assertProblems(set(valid(), "cam", CameraInputNode.SOURCE_KIND, "usb"),
                error("cam", "sourceKind", "Source 'usb' is not one of: webcam, rtsp, file"));
    }

    @Test
    void unknownModelReference() {
        assertProblems(set(valid(), "det", ModelNode.MODEL, "yolo-gone"),
                error("det", "modelId", "Model 'yolo-gone' is not in the model library"));
    }

    @Test
    void classifyingObjectsNeedsADetectorUpstream() {
        Skill direct = valid().withoutNode("det").withEdge(SkillEdge.of("cam", "f", "cls", "f"));
        assertProblems(direct, error("cls", "classifyOn", "Classifying objects needs a detection model upstream:"
                + " connect one before this node, or classify the whole frame"));
        assertProblems(set(direct, "cls", ModelNode.CLASSIFY_ON, ModelNode.ON_FRAME));
        // a detector further up (through a filter) counts
        Skill through = valid().withoutNode("cls")
                .withNode(node("flt", FilterNode.ID))
                .withNode(node("cls", ModelNode.ID, ModelNode.MODEL, "cls-model", ModelNode.TASK,
                        ModelNode.CLASSIFICATION))
                .withEdge(SkillEdge.of("det", "f", "flt", "f"))
                .withEdge(SkillEdge.of("flt", "f", "cls", "f"))
                .withEdge(SkillEdge.of("cls", "f", "mqtt", "f"));
        assertProblems(through);
    }

    @Test
    void taskThatContradictsTheModelIsAWarning() {
        assertProblems(set(valid(), "det", ModelNode.TASK, ModelNode.CLASSIFICATION),
                warning("det", "task", "Task is set to classification but model 'det-model' is a detection model"));
    }

    private Skill withGrpc(Object... keyValues) {
        return valid().withNode(node("g", GrpcCustomNode.ID, keyValues)).withEdge(SkillEdge.of("cls", "f", "g", "f"));
    }

    @Test
    void nodeTypesOwnChecksSeeResolvedSettings() {
        String bad = "Endpoint URL 'colour-server:70000' is not host:port[/route] with a port from 1 to 65535";
        assertProblems(withGrpc(GrpcCustomNode.ENDPOINT_URL, "colour-server:70000"),
                error("g", "endpointUrl", bad));
        assertProblems(withGrpc(GrpcCustomNode.ENDPOINT_URL, "not a url"), error("g", "endpointUrl",
                "Endpoint URL 'not a url' is not host:port[/route] with a port from 1 to 65535"));
        // the parameter's value is what the check sees
        Map<String, String> params = new LinkedHashMap<>(kanDefaults());
        params.put("colour", "colour-server:70000");
        assertProblems(withGrpc(GrpcCustomNode.ENDPOINT_URL, "$param(colour)").withParameters(params),
                error("g", "endpointUrl", bad));
        params.put("colour", "colour-server:50051");
        assertProblems(withGrpc(GrpcCustomNode.ENDPOINT_URL, "$param(colour)").withParameters(params));
    }

    @Test
    void containerChecks() {
        Object[] container = {GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER, GrpcCustomNode.CONTAINER_NAME, "colour",
                GrpcCustomNode.IMAGE, "reg.io/colour:1"};
        assertProblems(withGrpc(container));
        Skill badJson = set(withGrpc(container), "g", GrpcCustomNode.CREATE_OPTIONS, "{\"HostConfig\": ");
        List<Problem> p = validator.validate(badJson);
        assertEquals(1, p.size(), p.toString());
        assertEquals("createOptions", p.get(0).setting());
        assertTrue(p.get(0).message().startsWith("Create options are not valid JSON"), p.get(0).message());
        String big = "{\"Env\": [\"" + "x".repeat(5000) + "\"]}";
        assertProblems(set(withGrpc(container), "g", GrpcCustomNode.CREATE_OPTIONS, big), error("g", "createOptions",
                "Create options are 5012 bytes minified; IoT Edge accepts at most 4096 (8 chunks of 512)"));
        assertProblems(set(withGrpc(container), "g", GrpcCustomNode.PORT, 70000L),
                error("g", "port", "Port must be between 1 and 65535, not 70000"));
        assertProblems(set(withGrpc(container), "g", GrpcCustomNode.ENV, Map.of("1BAD", "x")), error("g", "env",
                "Environment variable name '1BAD' is invalid: use letters, digits and _, not starting with a digit"));
    }

    @Test
    void containerNamesAreUniqueButMayMatchAnIotEdgeModule() {
        Skill s = valid()
                .withNode(node("g1", GrpcCustomNode.ID, GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER,
                        GrpcCustomNode.CONTAINER_NAME, "colour", GrpcCustomNode.IMAGE, "reg.io/colour:1"))
                .withNode(node("g2", GrpcCustomNode.ID, GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER,
                        GrpcCustomNode.CONTAINER_NAME, "colour", GrpcCustomNode.IMAGE, "reg.io/colour:2"))
                .withNode(node("edge", IotEdgeModuleExportNode.ID, IotEdgeModuleExportNode.MODULE_NAME, "colour"))
                .withEdge(SkillEdge.of("cls", "f", "g1", "f"))
                .withEdge(SkillEdge.of("g1", "f", "g2", "f"))
                .withEdge(SkillEdge.of("g2", "f", "edge", "f"));
        assertProblems(s, error("g2", "containerName",
                "Container name 'colour' is also used by node 'g1'; each container needs its own name"));
    }

    @Test
    void parameters() {
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, "$param(threshold)"),
                error("det", "confidence", "Parameter 'threshold' is used but not defined in the skill's parameters"));
        Map<String, String> params = new LinkedHashMap<>(kanDefaults());
        params.put("threshold", "0.6");
        params.put("spare", "1");
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, "$param(threshold)").withParameters(params),
                warning("", "parameters.spare", "Parameter 'spare' is defined but not used by any node"));
        params.remove("spare");
        params.put("threshold", "-2");
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, "$param(threshold)").withParameters(params),
                error("det", "confidence", "Confidence threshold must be between 0 and 1, not -2"));
        params.put("threshold", "abc");
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, "$param(threshold)").withParameters(params),
                error("det", "confidence", "Confidence threshold (parameter 'threshold'): expected a number, got 'abc'"));
    }

    @Test
    void kanPlaceholderIsAWarningNotARangeOrPatternError() {
        Skill s = set(set(valid(), "cam", CameraInputNode.SOURCE_KIND, "rtsp"), "cam", CameraInputNode.RTSP_URL,
                "$param(rtsp)");
        assertProblems(s, warning("cam", "rtspUrl", "RTSP URL comes from parameter 'rtsp', which is set at deployment"));
        Map<String, String> params = new LinkedHashMap<>(kanDefaults());
        params.put("threshold", "invalid");
        assertProblems(set(valid(), "det", ModelNode.CONFIDENCE, "$param(threshold)").withParameters(params),
                warning("det", "confidence",
                        "Confidence threshold comes from parameter 'threshold', which is set at deployment"));
    }

    @Test
    void everyProblemIsListedAtOnce() {
        Skill s = valid().withName("").withBasics(valid().basics().withDesiredFps(500))
                .withNode(node("x", "teleporter"))
                .withNode(node("flt", FilterNode.ID, FilterNode.MIN_CONFIDENCE, -1.0))
                .withEdge(SkillEdge.of("cam", "f", "ghost", "f"));
        s = set(set(s, "det", ModelNode.MODEL, "gone"), "mqtt", MqttExportNode.TOPIC, "a b");
        List<Problem> problems = validator.validate(s);
        assertEquals(List.of(
                error("", "name", "The skill has no name"),
                error("", "basics.desiredFps", "Desired frame rate must be between 1 and 120 fps, not 500"),
                error("det", "modelId", "Model 'gone' is not in the model library"),
                error("mqtt", "topic", "Topic 'a b' is not valid"),
                error("x", "", "Unknown node type 'teleporter'"),
                error("flt", "minConfidence", "Minimum confidence must be between 0 and 1, not -1"),
                error("cam", "", "Edge from 'cam.f' to 'ghost.f': node 'ghost' does not exist"),
                error("flt", "", "Not connected to a source: no frames reach this node")), problems);
    }
}
