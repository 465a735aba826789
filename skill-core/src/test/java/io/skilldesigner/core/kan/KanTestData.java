package io.skilldesigner.core.kan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

/** Shared test data: a model library with the shared models and a skill using every KAN node type. */
final class KanTestData {
    static final String DETECTOR = "ultraface-rfb-320";
    static final String CLASSIFIER = "squeezenet-1.1";

    private KanTestData() {
    }

    static ModelLibrary library() {
        return ModelLibrary.of(List.of(
                new ModelDescriptor(DETECTOR, "UltraFace RFB-320", ModelTask.DETECTION, null,
                        FileLocation.local("ultraface/version-RFB-320.onnx"), null, null, null, null, null, null),
                new ModelDescriptor(CLASSIFIER, "SqueezeNet 1.1", ModelTask.CLASSIFICATION, null,
                        FileLocation.local("squeezenet/squeezenet1.1-fp32.onnx"),
                        FileLocation.local("squeezenet/labels.txt"), null, null, null, null, null)));
    }

    /** A skill using every node type that has a KAN equivalent, with non-default values KAN can carry. */
    static Skill everyKanNodeType(NodeCatalog catalog) {
        List<SkillNode> nodes = new ArrayList<>();
        nodes.add(node(catalog, CameraInputNode.ID, "cam", Map.of(
                CameraInputNode.RTSP_URL, "rtsp://192.168.1.20:554/stream1")).withDisplayName("Door camera"));
        nodes.add(node(catalog, ModelNode.ID, "det", Map.of(ModelNode.MODEL, DETECTOR,
                ModelNode.CONFIDENCE, 0.35, ModelNode.CONFIDENCE_UPPER, 0.9, ModelNode.MAX_IMAGES, 5L)));
        nodes.add(node(catalog, ModelNode.ID, "cls", Map.of(ModelNode.MODEL, CLASSIFIER,
                ModelNode.TASK, ModelNode.CLASSIFICATION, ModelNode.CONFIDENCE, 0.123)));
        nodes.add(node(catalog, FilterNode.ID, "filter", Map.of(FilterNode.LABELS, List.of("person", "car"),
                FilterNode.MIN_CONFIDENCE, 0.6)));
        nodes.add(node(catalog, GrpcCustomNode.ID, "grpc-box", Map.of(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER,
                GrpcCustomNode.CONTAINER_NAME, "colour", GrpcCustomNode.IMAGE, "myregistry.azurecr.io/colour:1.0",
                GrpcCustomNode.CREATE_OPTIONS, "{\"HostConfig\":{\"Privileged\":false}}",
                GrpcCustomNode.RESTART_POLICY, "never", GrpcCustomNode.PORT, 6000L, GrpcCustomNode.ROUTE, "/grpc")));
        nodes.add(node(catalog, GrpcCustomNode.ID, "grpc-url", Map.of(
                GrpcCustomNode.ENDPOINT_URL, "grpc-host:50051")));
        nodes.add(node(catalog, VideoSnippetExportNode.ID, "video", Map.of(
                VideoSnippetExportNode.FILENAME_PREFIX, "door", VideoSnippetExportNode.DURATION_SECONDS, 20L,
                VideoSnippetExportNode.INSIGHTS_OVERLAY, false, VideoSnippetExportNode.DELAY_MINUTES, 3L)));
        nodes.add(node(catalog, IotHubExportNode.ID, "hub", Map.of(IotHubExportNode.DELAY_SECONDS, 45L)));
        nodes.add(node(catalog, IotEdgeModuleExportNode.ID, "edge", Map.of(
                IotEdgeModuleExportNode.MODULE_NAME, "sink", IotEdgeModuleExportNode.MODULE_INPUT, "in2",
                IotEdgeModuleExportNode.DELAY_SECONDS, 12L)));
        nodes.add(node(catalog, MqttExportNode.ID, "mqtt", Map.of(
                MqttExportNode.BROKER_ADDRESS, "broker.local:1884", MqttExportNode.DELAY_SECONDS, 20L)));
        nodes.add(node(catalog, HttpExportNode.ID, "http", Map.of(HttpExportNode.URL_KEY, "https://example.com/hook")));

        List<SkillEdge> edges = new ArrayList<>();
        String[] chain = {"cam", "det", "cls", "filter", "grpc-box", "grpc-url"};
        for (int i = 0; i + 1 < chain.length; i++) {
            edges.add(SkillEdge.of(chain[i], "f", chain[i + 1], "f"));
        }
        for (String export : List.of("video", "hub", "edge", "mqtt", "http")) {
            edges.add(SkillEdge.of("grpc-url", "f", export, "f"));
        }
        return new Skill(Skill.CURRENT_FORMAT_VERSION, "7f3e2a10-5b6c-4d8e-9f01-23456789abcd", "Door watch",
                "Counts people at the door.", new SkillBasics(12, Acceleration.INTEL_IGPU),
                List.of(new Tag("scenario", "retail"), new Tag("site", "store-12")), Map.of("site", "A12"),
                nodes, edges);
    }

    static SkillNode node(NodeCatalog catalog, String typeId, String id, Map<String, Object> settings) {
        SkillNode node = catalog.get(typeId).newNode(id);
        for (Map.Entry<String, Object> e : settings.entrySet()) {
            node = node.withSetting(e.getKey(), e.getValue());
        }
        return node;
    }

    /** KAN has no positions; compare skills without them. */
    static Skill withoutPositions(Skill skill) {
        return skill.withNodes(skill.nodes().stream().map(n -> n.withPosition(Position.ORIGIN)).toList());
    }

    static String resource(String name) {
        try (InputStream in = KanTestData.class.getResourceAsStream("/kan/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource kan/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
