package io.skilldesigner.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;

/**
 * {@code SD_SKILL_SOURCE=twin} on the wire, without Azure: the runtime (a child process with a module's
 * environment, as in {@link DeviceModeTest}) gets its identity from the workload-API stand-in and talks MQTT/TLS to
 * Mosquitto as edgeHub; the test's own MQTT client plays IoT Hub's twin service on Mosquitto's plain listener: it
 * answers the module's {@code $iothub/twin/GET} with the desired properties, acknowledges its reported-property
 * PATCHes and publishes desired-property patches. Asserted: the skill that runs (its id in the insight messages
 * published on {@code devices/<device>/modules/<module>/messages/events}) follows the twin live, a bad update is
 * refused while the running skill goes on, and the reported property says what runs.
 */
class TwinSkillDeviceTest {
    static final String PREFIX = "devices/" + DeviceModeTest.DEVICE + "/modules/" + DeviceModeTest.MODULE
            + "/messages/events/";

    @TempDir
    static Path dir;
    static String skillA;
    static String skillB;

    @BeforeAll
    static void skills() throws Exception {
        Path video = TestVideos.movingSquare(dir.resolve("clip.mp4"), 30, 128, 96, 30);
        var base = TestSkills.fileCamera(video, true).fps(10)
                .node("hub", IotHubExportNode.ID, "camera", Map.of(IotHubExportNode.DELAY_SECONDS, 0L,
                        IotHubExportNode.ONLY_WITH_OBJECTS, false)).build();
        SkillJson json = new SkillJson(NodeCatalog.standard());
        skillA = json.write(base.withId("twin-skill-a"));
        skillB = json.write(base.withId("twin-skill-b"));
    }

    /** IoT Hub's side of the module twin, over Mosquitto. */
    static final class TwinService implements AutoCloseable {
        final MqttClient client;
        final List<String> gets = new CopyOnWriteArrayList<>();
        final List<JsonObject> reported = new CopyOnWriteArrayList<>();
        final List<DeviceModeTest.Published> events = new CopyOnWriteArrayList<>();
        final ExecutorService replies = Executors.newSingleThreadExecutor();
        volatile JsonObject desired;
        volatile int version = 1;

        TwinService(EdgeHubStandIn edgeHub, JsonObject desired) throws Exception {
            this.desired = desired;
            client = new MqttClient("tcp://127.0.0.1:" + edgeHub.plainPort, "test-iothub-twin",
                    new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            o.setCleanSession(true);
            client.connect(o);
            client.subscribe("devices/#", 1, (topic, msg) -> events.add(new DeviceModeTest.Published(topic,
                    new String(msg.getPayload(), StandardCharsets.UTF_8))));
            client.subscribe("$iothub/twin/GET/#", 1, (topic, msg) -> {
                gets.add(topic);
                JsonObject twin = new JsonObject();
                JsonObject d = this.desired.deepCopy();
                d.addProperty("$version", version);
                twin.add("desired", d);
                JsonObject r = new JsonObject();
                r.addProperty("$version", 1);
                twin.add("reported", r);
                reply("$iothub/twin/res/200/?$rid=" + rid(topic), twin.toString());
            });
            client.subscribe("$iothub/twin/PATCH/properties/reported/#", 1, (topic, msg) -> {
                reported.add(JsonParser.parseString(new String(msg.getPayload(), StandardCharsets.UTF_8))
                        .getAsJsonObject());
                reply("$iothub/twin/res/204/?$rid=" + rid(topic) + "&$version=" + (reported.size() + 1), "");
            });
        }

        /** Publishing from Paho's callback thread can block it: replies go from a thread of their own. */
        private void reply(String topic, String body) {
            replies.execute(() -> {
                try {
                    client.publish(topic, body.getBytes(StandardCharsets.UTF_8), 0, false);
                } catch (Exception e) {
                    throw new IllegalStateException("twin reply on " + topic + " failed", e);
                }
            });
        }

        void patchDesired(JsonObject patch) throws Exception {
            version++;
            patch.addProperty("$version", version);
            client.publish("$iothub/twin/PATCH/properties/desired/?$version=" + version,
                    patch.toString().getBytes(StandardCharsets.UTF_8), 1, false);
        }

        long insightsOf(String skillId) {
            return events.stream().filter(p -> p.topic().startsWith(PREFIX))
                    .filter(p -> JsonParser.parseString(p.body()).getAsJsonObject().get("skill_id").getAsString()
                            .equals(skillId)).count();
        }

        boolean reports(String skillId, String status) {
            return reported.stream().map(r -> r.getAsJsonObject("skill")).anyMatch(s -> s != null
                    && s.get("status").getAsString().equals(status) && s.get("id").getAsString().equals(skillId));
        }

        private static String rid(String topic) {
            Matcher m = Pattern.compile("\\$rid=([^&]+)").matcher(topic);
            assertTrue(m.find(), topic);
            return m.group(1);
        }

        @Override
        public void close() throws Exception {
            replies.shutdownNow();
            client.disconnect();
            client.close();
        }
    }

    @Test
    void skillComesFromTheTwinAndFollowsItsUpdatesLive(@TempDir Path tmp) throws Exception {
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(tmp);
             WorkloadApiStandIn workload = new WorkloadApiStandIn(tmp.resolve("workload.sock"),
                     DeviceModeTest.MODULE_KEY, Files.readString(edgeHub.caCert));
             TwinService hub = new TwinService(edgeHub, TwinSkillTest.desired("twin-skill-a", skillA, 700))) {
            Process p = start(tmp, DeviceModeTest.moduleEnvironment(workload, edgeHub));
            StringBuffer log = drain(p);
            try {
                ExportTestSupport.waitFor(() -> hub.insightsOf("twin-skill-a") >= 3, 90_000,
                        "insights of the twin's skill A: " + log);
                assertEquals(1, hub.gets.size(), "one twin GET: " + hub.gets);
                ExportTestSupport.waitFor(() -> hub.reports("twin-skill-a", "running"), 20_000,
                        "reported skill A running: " + hub.reported);
                assertTrue(log.toString().contains("/nowhere/skill.json is not read"), log.toString());

                // Live update: the whole skill property, as the deployment would set it.
                hub.patchDesired(TwinSkillTest.desired("twin-skill-b", skillB, 700));
                ExportTestSupport.waitFor(() -> hub.insightsOf("twin-skill-b") >= 3, 60_000,
                        "insights of skill B after the patch: " + log);
                ExportTestSupport.waitFor(() -> hub.reports("twin-skill-b", "running"), 20_000,
                        "reported skill B running: " + hub.reported);
                long aAfterSwap = hub.insightsOf("twin-skill-a");

                // A patch that deletes a chunk (null, as IoT Hub sends a removed property) is refused; B goes on.
                JsonObject broken = TwinSkillTest.desired("twin-skill-c", skillB.replace("twin-skill-b",
                        "twin-skill-c"), 700);
                broken.getAsJsonObject("skill").add("json01", JsonNull.INSTANCE);
                hub.patchDesired(broken);
                ExportTestSupport.waitFor(() -> hub.reported.stream().map(r -> r.getAsJsonObject("skill"))
                        .anyMatch(s -> s.get("status").getAsString().equals("refused")
                                && s.get("error").getAsString().contains("json01")), 30_000,
                        "reported refusal: " + hub.reported);
                long bBefore = hub.insightsOf("twin-skill-b");
                ExportTestSupport.waitFor(() -> hub.insightsOf("twin-skill-b") >= bBefore + 3, 30_000,
                        "skill B still running after the refused update: " + log);
                assertEquals(aAfterSwap, hub.insightsOf("twin-skill-a"), "skill A stopped for good");
                assertEquals(0, hub.insightsOf("twin-skill-c"));
                assertTrue(log.toString().contains("update refused, the running skill goes on"), log.toString());
                assertTrue(hub.events.stream().allMatch(e -> e.topic().startsWith(PREFIX)
                        && e.topic().contains("$.on=metrics")), "only the IoT Hub export's output");
            } finally {
                p.destroy();
                assertTrue(p.waitFor(60, TimeUnit.SECONDS), "runtime did not stop: " + log);
            }
            assertEquals(143, p.exitValue(), "SIGTERM: 128 + 15 after a clean stop: " + log);
        }
    }

    @Test
    void twinWithoutSkillIsAClearErrorExit3(@TempDir Path tmp) throws Exception {
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(tmp);
             WorkloadApiStandIn workload = new WorkloadApiStandIn(tmp.resolve("workload.sock"),
                     DeviceModeTest.MODULE_KEY, Files.readString(edgeHub.caCert));
             TwinService hub = new TwinService(edgeHub, new JsonObject())) {
            Process p = start(tmp, DeviceModeTest.moduleEnvironment(workload, edgeHub));
            StringBuffer log = drain(p);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "runtime did not end: " + log);
            assertEquals(3, p.exitValue(), log.toString());
            assertTrue(log.toString().contains("error: the module twin has no desired property 'skill'"),
                    log.toString());
            assertEquals(1, hub.gets.size(), log.toString());
        }
    }

    @Test
    void twinWithoutDeviceModeIsAUsageError(@TempDir Path tmp) throws Exception {
        Process p = start(tmp, Map.of());
        StringBuffer log = drain(p);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), log.toString());
        assertEquals(2, p.exitValue(), log.toString());
        assertTrue(log.toString().contains("SD_SKILL_SOURCE=twin needs device mode"), log.toString());
        assertFalse(log.toString().contains("Exception"), log.toString());
    }

    /** The container's command with the twin as the skill's source: the file argument is not read. */
    private static Process start(Path tmp, Map<String, String> env) throws IOException {
        Path workspace = Files.createDirectories(tmp.resolve("ws"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.skilldesigner.engine.cli.Main", "run",
                "/nowhere/skill.json", "--workspace", workspace.toString(), "--out",
                tmp.resolve("insights.jsonl").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("IOTEDGE_") || k.contains("ConnectionString"));
        pb.environment().putAll(env);
        pb.environment().put("SD_SKILL_SOURCE", "twin");
        return pb.start();
    }

    private static StringBuffer drain(Process p) {
        StringBuffer log = new StringBuffer();
        Thread t = new Thread(() -> {
            try {
                byte[] buf = new byte[4096];
                int n;
                while ((n = p.getInputStream().read(buf)) > 0) {
                    log.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                synchronized (log) {
                    log.append("\n[log read failed: ").append(e).append("]");
                }
            }
        }, "runtime-log");
        t.setDaemon(true);
        t.start();
        return log;
    }
}
