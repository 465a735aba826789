package io.skilldesigner.canvas;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/** Skills and a model library used by the canvas tests, the demo and the benchmark. */
public final class TestSkills {
    public static final NodeCatalog CATALOG = NodeCatalog.standard();

    private TestSkills() {
    }

    public static ModelLibrary library() {
        return ModelLibrary.of(List.of(
                new ModelDescriptor("vehicle-detector", "Vehicle detector", ModelTask.DETECTION, null,
                        FileLocation.local("models/vehicle.onnx"), FileLocation.local("models/vehicle.txt"),
                        "", List.of(), null, null, null),
                new ModelDescriptor("colour-classifier", "Colour classifier", ModelTask.CLASSIFICATION, null,
                        FileLocation.local("models/colour.onnx"), FileLocation.local("models/colour.txt"),
                        "", List.of(), null, null, null)));
    }

    public static List<String> labelsOf(String modelId) {
        return switch (modelId) {
            case "vehicle-detector" -> List.of("car", "truck", "bus");
            case "colour-classifier" -> List.of("red", "blue", "white");
            default -> List.of();
        };
    }

    public static SkillNode node(String id, String typeId, String name, double x, double y, Map<String, Object> set) {
        SkillNode n = CATALOG.get(typeId).newNode(id).withDisplayName(name).withPosition(new Position(x, y));
        for (Map.Entry<String, Object> e : set.entrySet()) {
            n = n.withSetting(e.getKey(), e.getValue());
        }
        return n;
    }

    /** camera → detector → classifier → filter → IoT Hub + MQTT. */
    public static Skill realistic() {
        List<SkillNode> nodes = List.of(
                node("camera-1", CameraInputNode.ID, "Parking lot camera", 300, 0,
                        Map.of(CameraInputNode.RTSP_URL, "rtsp://10.0.0.12:554/stream1")),
                node("model-1", ModelNode.ID, "Vehicle detector", 300, 160,
                        Map.of(ModelNode.MODEL, "vehicle-detector", ModelNode.CONFIDENCE, 0.6)),
                node("model-2", ModelNode.ID, "Colour classifier", 300, 320,
                        Map.of(ModelNode.MODEL, "colour-classifier", ModelNode.TASK, ModelNode.CLASSIFICATION)),
                node("filter-1", FilterNode.ID, "Red cars only", 300, 480,
                        Map.of(FilterNode.LABELS, List.of("red"), FilterNode.MIN_CONFIDENCE, 0.5)),
                node("iothub-1", IotHubExportNode.ID, "Send to IoT Hub", 160, 640, Map.of()),
                node("mqtt-1", MqttExportNode.ID, "Publish to MQTT", 440, 640,
                        Map.of(MqttExportNode.BROKER_ADDRESS, "mqtt.local:1883")));
        List<SkillEdge> edges = List.of(
                SkillEdge.of("camera-1", "f", "model-1", "f"),
                SkillEdge.of("model-1", "f", "model-2", "f"),
                SkillEdge.of("model-2", "f", "filter-1", "f"),
                SkillEdge.of("filter-1", "f", "iothub-1", "f"),
                SkillEdge.of("filter-1", "f", "mqtt-1", "f"));
        return Skill.empty("parking-lot", "Red cars in the parking lot").withNodes(nodes).withEdges(edges);
    }

    /** A large grid-shaped skill for scale tests: {@code n} nodes, about 1.5 edges per node. */
    public static Skill large(int n) {
        List<SkillNode> nodes = new ArrayList<>();
        List<SkillEdge> edges = new ArrayList<>();
        int columns = 40;
        for (int i = 0; i < n; i++) {
            int row = i / columns;
            int col = i % columns;
            String type = row == 0 ? CameraInputNode.ID : row % 3 == 0 ? FilterNode.ID : ModelNode.ID;
            nodes.add(node("n" + i, type, type + " " + i, col * 260.0, row * 160.0, Map.of()));
            if (row > 0) {
                edges.add(SkillEdge.of("n" + (i - columns), "f", "n" + i, "f"));
                if (i % 2 == 0 && col > 0) {
                    // extra fan-in edges (invalid for single inputs, but the canvas must draw what it is given)
                    edges.add(SkillEdge.of("n" + (i - columns - 1), "f", "n" + i, "f"));
                }
            }
        }
        return Skill.empty("large", "Large").withNodes(nodes).withEdges(edges);
    }
}
