package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.skill.Skill;

class SecretPlaceholdersTest {
    private final SecretPlaceholders placeholders = new SecretPlaceholders(Fixtures.catalog());

    @Test
    void envVarNamesAreUpperSnakeCaseOfNodeAndKey() {
        assertEquals("SD_SECRET_MQTT_1_PASSWORD", SecretPlaceholders.envVar("mqtt-1", "password"));
        assertEquals("SD_SECRET_SNIP_BLOB_CONNECTION_STRING", SecretPlaceholders.envVar("snip", "blobConnectionString"));
        assertEquals("SD_SECRET_PARAM_RTSP", SecretPlaceholders.envVar("", "rtsp"));
    }

    @Test
    void redactionIsIdempotentAndKeepsParamRefs() {
        Skill once = placeholders.redact(Fixtures.secretSkill()).skill();
        SecretPlaceholders.Redaction twice = placeholders.redact(once);
        assertEquals(once, twice.skill());
        assertEquals(List.of(), twice.secrets());

        Skill withParam = Fixtures.secretSkill().updateNode("mqtt", n -> n.withSetting(MqttExportNode.PASSWORD,
                "$param(mqtt_password)"));
        assertEquals("$param(mqtt_password)", placeholders.redact(withParam).skill().node("mqtt").orElseThrow()
                .setting(MqttExportNode.PASSWORD));
    }

    @Test
    void urlWithoutCredentialsAndOrdinaryValuesStayAsTheyAre() {
        Skill s = Fixtures.secretSkill()
                .updateNode("cam1", n -> n.withSetting(CameraInputNode.RTSP_URL, "rtsp://10.1.1.1:554/cam"))
                .updateNode("http", n -> n.withSetting(HttpExportNode.URL_KEY, "https://example.com/path?x=1"));
        Skill r = placeholders.redact(s).skill();
        assertEquals("rtsp://10.1.1.1:554/cam", r.node("cam1").orElseThrow().setting(CameraInputNode.RTSP_URL));
        assertEquals("https://example.com/path?x=1", r.node("http").orElseThrow().setting(HttpExportNode.URL_KEY));
        @SuppressWarnings("unchecked")
        Map<String, String> env = (Map<String, String>) r.node("colour").orElseThrow().setting("env");
        assertEquals("info", env.get("LOG_LEVEL"));
    }

    @Test
    void secretValuesAreKeptOnlyForTheLeakCheck() {
        SecretPlaceholders.Redaction r = placeholders.redact(Fixtures.secretSkill());
        assertTrue(r.secretValues().contains(Fixtures.MQTT_PASSWORD));
        assertTrue(r.secretValues().contains(Fixtures.RTSP_PASSWORD));
        for (SecretRef ref : r.secrets()) {
            for (String v : r.secretValues()) {
                assertTrue(!ref.what().contains(v) && !ref.placeholder().contains(v), ref.toString());
            }
        }
    }
}
