package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.skill.SecretEnvironment;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/** Secrets in an exported package are placeholders; on the device the runtime fills them from the environment. */
class SecretSettingsTest {
    private final NodeCatalog catalog = NodeCatalog.standard();

    @Test
    void placeholdersAreFilledFromTheEnvironment() {
        NodeType mqtt = catalog.get(MqttExportNode.ID);
        SkillNode node = mqtt.newNode("mqtt-1").withSetting(MqttExportNode.PASSWORD, "${SD_SECRET_MQTT_1_PASSWORD}");
        NodeType cam = catalog.get(CameraInputNode.ID);
        SkillNode camera = cam.newNode("cam").withSetting(CameraInputNode.RTSP_URL,
                "rtsp://$SD_SECRET_CAM_RTSP_URL_USERINFO@10.0.0.5:554/stream");
        Skill skill = Skill.empty("s", "s").withNode(node).withNode(camera);
        SecretEnvironment env = new SecretEnvironment(Map.of("SD_SECRET_MQTT_1_PASSWORD", "hunter2",
                "SD_SECRET_CAM_RTSP_URL_USERINFO", "admin:pw")::get);

        RunSettings.Result r = RunSettings.resolve(catalog, skill, node, mqtt, env);
        assertEquals("hunter2", r.settings().get(MqttExportNode.PASSWORD));
        assertTrue(r.problems().stream().noneMatch(p -> p.isError()), r.problems().toString());

        RunSettings.Result c = RunSettings.resolve(catalog, skill, camera, cam, env);
        assertEquals("rtsp://admin:pw@10.0.0.5:554/stream", c.settings().get(CameraInputNode.RTSP_URL));
    }

    @Test
    void anUnsetSecretIsAnErrorNamingTheVariableNotAValue() {
        NodeType mqtt = catalog.get(MqttExportNode.ID);
        SkillNode node = mqtt.newNode("mqtt-1").withSetting(MqttExportNode.PASSWORD, "${SD_SECRET_MQTT_1_PASSWORD}");
        Skill skill = Skill.empty("s", "s").withNode(node);
        RunSettings.Result r = RunSettings.resolve(catalog, skill, node, mqtt,
                new SecretEnvironment(name -> null));
        assertEquals(1, r.problems().stream().filter(p -> p.isError()).count(), r.problems().toString());
        var p = r.problems().stream().filter(x -> x.isError()).findFirst().orElseThrow();
        assertEquals("mqtt-1", p.nodeId());
        assertEquals(MqttExportNode.PASSWORD, p.setting());
        assertTrue(p.message().contains("SD_SECRET_MQTT_1_PASSWORD is not set"), p.message());
        assertFalse(SecretEnvironment.variablesIn("no placeholder").iterator().hasNext());
    }

    @Test
    void aContainerNodesOwnSecretsAreNotTheRuntimes() {
        NodeType grpc = catalog.get(GrpcCustomNode.ID);
        SkillNode node = grpc.newNode("colour").withSetting(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER)
                .withSetting(GrpcCustomNode.CONTAINER_NAME, "colour")
                .withSetting(GrpcCustomNode.IMAGE, "myregistry.azurecr.io/colour:1.0")
                .withSetting(GrpcCustomNode.ENV, Map.of("API_TOKEN", "${SD_SECRET_COLOUR_ENV_API_TOKEN}"));
        Skill skill = Skill.empty("s", "s").withNode(node);
        RunSettings.Result r = RunSettings.resolve(catalog, skill, node, grpc,
                new SecretEnvironment(name -> null));
        assertTrue(r.problems().stream().noneMatch(p -> p.isError()), r.problems().toString());

        // the same placeholder in a setting the runtime itself uses is still required
        SkillNode external = node.withSetting(GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT);
        RunSettings.Result e = RunSettings.resolve(catalog, skill, external, grpc,
                new SecretEnvironment(name -> null));
        assertTrue(e.problems().stream().anyMatch(p -> p.isError()
                && p.message().contains("SD_SECRET_COLOUR_ENV_API_TOKEN")), e.problems().toString());
    }
}
