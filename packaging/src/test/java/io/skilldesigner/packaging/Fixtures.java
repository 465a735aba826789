package io.skilldesigner.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
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

/** A realistic skill with every kind of secret, and the real models from shared/models. */
final class Fixtures {
    static final String RTSP_PASSWORD = "Cam3ra-Pa55word!";
    static final String MQTT_PASSWORD = "mqtt-Pa55word-XYZ";
    static final String HTTP_TOKEN = "Bearer eyJhbGciOiSECRETTOKEN";
    static final String BLOB_KEY = "c2VjcmV0a2V5c2VjcmV0a2V5c2VjcmV0a2V5";
    static final String BLOB_CONNECTION = "DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=" + BLOB_KEY
            + ";EndpointSuffix=core.windows.net";
    static final String ENV_TOKEN = "grpc-env-token-987654";
    static final String SAS = "sv=2022-11-02&ss=b&srt=co&sp=rl&se=2030-01-01&sig=QUJDREVGR0hJSktMTU5PUFFSU1RVVg%3D";
    static final String PARAM_RTSP_PASSWORD = "param-rtsp-pw-4242";

    /** Every secret value the fixture holds: none may appear in a package. */
    static final List<String> SECRET_VALUES = List.of(RTSP_PASSWORD, MQTT_PASSWORD, HTTP_TOKEN, BLOB_KEY,
            BLOB_CONNECTION, ENV_TOKEN, SAS, "sig=QUJDREVGR0hJSktMTU5PUFFSU1RVVg", PARAM_RTSP_PASSWORD,
            "eyJhbGciOiSECRETTOKEN");

    static final String CONTAINER = "colour-classifier";

    private Fixtures() {
    }

    static NodeCatalog catalog() {
        return NodeCatalog.standard();
    }

    static Path shared() {
        String p = System.getProperty("sd.shared.dir");
        Path dir = p != null ? Path.of(p) : Path.of("../../shared");
        if (!Files.isDirectory(dir)) {
            dir = Path.of("../shared");
        }
        return dir.toAbsolutePath().normalize();
    }

    /** UltraFace (detector, labels written to {@code tmp}) and SqueezeNet (classifier with its labels). */
    static ModelLibrary models(Path tmp) throws IOException {
        Path faceLabels = tmp.resolve("ultraface-labels.txt");
        Files.writeString(faceLabels, "background\nface\n");
        Path models = shared().resolve("models");
        ModelDescriptor face = new ModelDescriptor("ultraface-320", "UltraFace 320", ModelTask.DETECTION, null,
                FileLocation.local(models.resolve("ultraface/version-RFB-320.onnx").toString()),
                FileLocation.local(faceLabels.toString()), "face detector", List.of(new Tag("source", "Linzaer")),
                null, null, "");
        ModelDescriptor squeeze = new ModelDescriptor("squeezenet", "SqueezeNet 1.1", ModelTask.CLASSIFICATION, null,
                FileLocation.local(models.resolve("squeezenet/squeezenet1.1-fp32.onnx").toString()),
                FileLocation.local(models.resolve("squeezenet/labels.txt").toString()), "", List.of(), null, null, "");
        return ModelLibrary.of(List.of(face, squeeze));
    }

    static Skill secretSkill() {
        return secretSkill(Acceleration.CPU, "{\"HostConfig\":{\"PortBindings\":{\"50051/tcp\":[{\"HostPort\":\"50051\"}]}}}");
    }

    static Skill secretSkill(Acceleration acceleration, String createOptions) {
        NodeCatalog c = catalog();
        SkillNode cam = node(c, CameraInputNode.ID, "cam1", 0, Map.of(
                CameraInputNode.SOURCE_KIND, CameraInputNode.RTSP,
                CameraInputNode.RTSP_URL, "rtsp://admin:" + RTSP_PASSWORD + "@10.0.0.5:554/stream1"));
        SkillNode face = node(c, ModelNode.ID, "face", 1, Map.of(ModelNode.MODEL, "ultraface-320",
                ModelNode.TASK, ModelNode.DETECTION, ModelNode.CONFIDENCE, 0.7));
        SkillNode cls = node(c, ModelNode.ID, "what", 2, Map.of(ModelNode.MODEL, "squeezenet",
                ModelNode.TASK, ModelNode.CLASSIFICATION));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("LOG_LEVEL", "info");
        env.put("API_TOKEN", ENV_TOKEN);
        env.put("RESULTS_URL", "https://results.example.com/in?" + SAS);
        SkillNode grpc = node(c, GrpcCustomNode.ID, "colour", 3, Map.of(
                GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER,
                GrpcCustomNode.CONTAINER_NAME, CONTAINER,
                GrpcCustomNode.IMAGE, "myregistry.azurecr.io/colour:1.0",
                GrpcCustomNode.CREATE_OPTIONS, createOptions,
                GrpcCustomNode.PORT, 50051L,
                GrpcCustomNode.RESTART_POLICY, "on-failure",
                GrpcCustomNode.ENV, env));
        SkillNode hub = node(c, IotHubExportNode.ID, "hub", 4, Map.of());
        SkillNode edge = node(c, IotEdgeModuleExportNode.ID, "edge", 5, Map.of(
                IotEdgeModuleExportNode.MODULE_NAME, "recorder", IotEdgeModuleExportNode.MODULE_INPUT, "insights"));
        SkillNode mqtt = node(c, MqttExportNode.ID, "mqtt", 6, Map.of(
                MqttExportNode.USERNAME, "edge", MqttExportNode.PASSWORD, MQTT_PASSWORD));
        SkillNode http = node(c, HttpExportNode.ID, "http", 7, Map.of(
                HttpExportNode.URL_KEY, "https://ingest.example.com/insights",
                HttpExportNode.AUTH_VALUE, HTTP_TOKEN));
        SkillNode snip = node(c, VideoSnippetExportNode.ID, "snip", 8, Map.of(
                VideoSnippetExportNode.UPLOAD, true,
                VideoSnippetExportNode.BLOB_CONNECTION_STRING, BLOB_CONNECTION));
        String f = PortSpec.FRAME_PORT;
        List<SkillEdge> edges = List.of(
                SkillEdge.of("cam1", f, "face", f), SkillEdge.of("face", f, "what", f),
                SkillEdge.of("what", f, "colour", f), SkillEdge.of("colour", f, "hub", f),
                SkillEdge.of("colour", f, "edge", f), SkillEdge.of("colour", f, "mqtt", f),
                SkillEdge.of("colour", f, "http", f), SkillEdge.of("colour", f, "snip", f));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("rtsp", "rtsp://viewer:" + PARAM_RTSP_PASSWORD + "@10.0.0.6/live");
        params.put("fps", "15");
        return new Skill(Skill.CURRENT_FORMAT_VERSION, "7d7f4c1e-2f7a-4a55-9d0e-0c1d2e3f4a5b", "Faces at the door",
                "Counts faces and classifies them", new SkillBasics(15, acceleration),
                List.of(new Tag("site", "hq")), params, List.of(cam, face, cls, grpc, hub, edge, mqtt, http, snip),
                edges);
    }

    private static SkillNode node(NodeCatalog c, String type, String id, int i, Map<String, Object> settings) {
        Map<String, Object> s = new LinkedHashMap<>(c.get(type).defaultSettings());
        s.putAll(settings);
        return new SkillNode(id, type, c.get(type).displayName(), s, new Position(100 * i, 50));
    }
}
