package io.skilldesigner.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;

/**
 * Device mode for real, without Azure: the engine CLI runs as a child process with the environment IoT Edge
 * gives a module, its module client gets its SAS token signed and edgeHub's CA from a local workload API (Unix
 * socket) and sends over MQTT/TLS to Mosquitto standing in for edgeHub. Asserted on the wire: CONNECT identity,
 * PUBLISH topics with the output names, bodies equal to the insight messages; and that nothing goes to a file.
 */
class DeviceModeTest {
    static final String HUB = "test-hub.azure-devices.net";
    static final String DEVICE = "cam-device-1";
    static final String MODULE = "sd-skill";
    static final byte[] MODULE_KEY = "module-primary-key-for-tests-123".getBytes(StandardCharsets.UTF_8);
    static final int FRAMES = 8;

    @TempDir
    static Path dir;
    static Path skillFile;

    @BeforeAll
    static void skill() throws Exception {
        Path video = TestVideos.movingSquare(dir.resolve("clip.mp4"), 30, 128, 96, 30);
        Map<String, Object> edgeOut = Map.of(IotEdgeModuleExportNode.MODULE_NAME, "alerts",
                IotEdgeModuleExportNode.MODULE_INPUT, "in1", IotEdgeModuleExportNode.DELAY_SECONDS, 0L,
                IotEdgeModuleExportNode.ONLY_WITH_OBJECTS, false);
        var skill = TestSkills.fileCamera(video, false).fps(30)
                .node("hub", IotHubExportNode.ID, "camera", Map.of(IotHubExportNode.DELAY_SECONDS, 0L,
                        IotHubExportNode.ONLY_WITH_OBJECTS, false))
                .node("edgeout", IotEdgeModuleExportNode.ID, "camera", edgeOut).build();
        skillFile = dir.resolve("device.skill.json");
        Files.writeString(skillFile, new SkillJson(NodeCatalog.standard()).write(skill));
    }

    record Published(String topic, String body) {
    }

    record Run(int code, String err, List<String> insights, Path workspace) {
    }

    @Test
    void workloadApiIdentitySendsInsightsToEdgeHubOverMqttTls(@TempDir Path tmp) throws Exception {
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(tmp);
             WorkloadApiStandIn workload = new WorkloadApiStandIn(tmp.resolve("workload.sock"), MODULE_KEY,
                     Files.readString(edgeHub.caCert))) {
            Map<String, String> env = moduleEnvironment(workload, edgeHub);
            List<Published> received = subscribe(edgeHub);
            Run run = runDevice(tmp, env);

            assertDelivered(edgeHub, received, run);
            assertTrue(workload.requests.stream().anyMatch(r -> r.method().equals("GET")
                    && r.path().startsWith("/trust-bundle?api-version=")), "trust bundle asked: " + workload.requests);
            WorkloadApiStandIn.Request sign = workload.requests.stream()
                    .filter(r -> r.path().startsWith("/modules/" + MODULE + "/genid/gen-42/sign?api-version="))
                    .findFirst().orElseThrow(() -> new AssertionError("no sign call: " + workload.requests));
            String toSign = new String(Base64.getDecoder().decode(JsonParser.parseString(sign.body())
                    .getAsJsonObject().get("data").getAsString()), StandardCharsets.UTF_8);
            assertTrue(toSign.startsWith(HUB + "%2Fdevices%2F" + DEVICE + "%2Fmodules%2F" + MODULE + "\n")
                    || toSign.startsWith(HUB + "/devices/" + DEVICE + "/modules/" + MODULE + "\n"),
                    "SAS string-to-sign names the module: " + toSign);
        }
    }

    @Test
    void moduleConnectionStringSendsTheSameWay(@TempDir Path tmp) throws Exception {
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(tmp)) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("EdgeHubConnectionString", "HostName=" + HUB + ";GatewayHostName=" + edgeHub.gateway
                    + ";DeviceId=" + DEVICE + ";ModuleId=" + MODULE + ";SharedAccessKey="
                    + Base64.getEncoder().encodeToString(MODULE_KEY));
            env.put("EdgeModuleCACertificateFile", edgeHub.caCert.toString());
            List<Published> received = subscribe(edgeHub);
            Run run = runDevice(tmp, env);
            assertDelivered(edgeHub, received, run);
            assertFalse(run.err().contains(Base64.getEncoder().encodeToString(MODULE_KEY)), "key in the log");
        }
    }

    @Test
    void unreachableEdgeHubIsAnErrorStateWithRetriesNeverAFile(@TempDir Path tmp) throws Exception {
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(tmp);
             WorkloadApiStandIn workload = new WorkloadApiStandIn(tmp.resolve("workload.sock"), MODULE_KEY,
                     Files.readString(edgeHub.caCert))) {
            edgeHub.stop();
            Map<String, String> env = moduleEnvironment(workload, edgeHub);
            Run run = runDevice(tmp, env);
            assertEquals(0, run.code(), run.err());
            assertTrue(run.err().contains("node hub: ERROR") && run.err().contains("cannot connect to edgeHub")
                    && run.err().contains("retrying in"), run.err());
            Map<String, String> hub = summaryCounts(run.err(), "hub");
            assertEquals("0", hub.get("sent"), run.err());
            assertTrue(Long.parseLong(hub.get("failed")) + Long.parseLong(hub.get("queued")) >= 1, run.err());
            assertFalse(Files.exists(run.workspace().resolve("export-messages")), "no fallback to a file");
        }
    }

    @Test
    void edgeFlagWithoutModuleEnvironmentRefusesToStart(@TempDir Path tmp) throws Exception {
        Run run = runDevice(tmp, Map.of(), "--edge");
        assertTrue(run.code() != 0, run.err());
        assertTrue(run.err().contains("not running as an IoT Edge module"), run.err());
    }

    /** What IoT Edge sets for a module (aziot-edged), pointing at the stand-ins. */
    static Map<String, String> moduleEnvironment(WorkloadApiStandIn workload, EdgeHubStandIn edgeHub) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("IOTEDGE_WORKLOADURI", workload.uri());
        env.put("IOTEDGE_DEVICEID", DEVICE);
        env.put("IOTEDGE_MODULEID", MODULE);
        env.put("IOTEDGE_IOTHUBHOSTNAME", HUB);
        env.put("IOTEDGE_AUTHSCHEME", "sasToken");
        env.put("IOTEDGE_GATEWAYHOSTNAME", edgeHub.gateway);
        env.put("IOTEDGE_MODULEGENERATIONID", "gen-42");
        env.put("IOTEDGE_APIVERSION", "2019-01-30");
        return env;
    }

    private static void assertDelivered(EdgeHubStandIn edgeHub, List<Published> received, Run run)
            throws Exception {
        assertEquals(0, run.code(), run.err());
        assertTrue(run.err().contains("device mode"), run.err());
        assertEquals(FRAMES, run.insights().size(), run.err());
        Map<String, String> hub = summaryCounts(run.err(), "hub");
        long sentToHub = Long.parseLong(hub.get("sent"));
        assertTrue(sentToHub >= 1, run.err());
        ExportTestSupport.waitFor(() -> count(received, "metrics") >= sentToHub, 20_000, "metrics publications");

        String log = edgeHub.logText();
        // CONNECT: client id <device>/<module>, username <hub>/<device>/<module>/?api-version=...
        Matcher connect = Pattern.compile("New client connected from \\S+ as " + Pattern.quote(DEVICE + "/" + MODULE)
                + " \\(p\\d, c\\d, k\\d+, u'" + Pattern.quote(HUB + "/" + DEVICE + "/" + MODULE + "/?api-version=")
                + "[^']*'\\)").matcher(log);
        assertTrue(connect.find(), log);
        assertTrue(log.contains("on port 8883"), "module came through the TLS listener: " + log);

        String prefix = "devices/" + DEVICE + "/modules/" + MODULE + "/messages/events/";
        List<Published> metrics = new ArrayList<>();
        for (Published p : received) {
            assertTrue(p.topic().startsWith(prefix), p.topic());
            if (p.topic().contains("$.on=metrics")) {
                metrics.add(p);
            } else {
                assertTrue(p.topic().contains("$.on=localmetrics"), p.topic());
            }
        }
        assertEquals(sentToHub, metrics.size());
        assertTrue(count(received, "localmetrics") >= 1, "IoT Edge module export sent too: " + received);
        // Bodies are the insight messages: every frame the CLI wrote went to IoT Hub with the same JSON.
        List<Object> bodies = metrics.stream().map(p -> (Object) JsonParser.parseString(p.body())).toList();
        for (String line : run.insights()) {
            assertTrue(bodies.contains(JsonParser.parseString(line)), "insight not published: " + line);
        }
        assertFalse(Files.exists(run.workspace().resolve("export-messages")), "no fallback to a file");
    }

    private static long count(List<Published> received, String output) {
        return received.stream().filter(p -> p.topic().contains("$.on=" + output + "&")
                || p.topic().endsWith("$.on=" + output)).count();
    }

    /** {@code hub: {sent=3, failed=0, dropped=0, queued=0}} from the run summary. */
    static Map<String, String> summaryCounts(String err, String nodeId) {
        Matcher m = Pattern.compile("(?m)^" + nodeId + ": \\{([^}]*)\\}").matcher(err);
        assertTrue(m.find(), "no counts for " + nodeId + " in: " + err);
        Map<String, String> out = new LinkedHashMap<>();
        for (String kv : m.group(1).split(",\\s*")) {
            String[] p = kv.split("=", 2);
            out.put(p[0], p[1]);
        }
        return out;
    }

    private static List<Published> subscribe(EdgeHubStandIn edgeHub) throws Exception {
        List<Published> received = new CopyOnWriteArrayList<>();
        MqttClient sub = new MqttClient("tcp://127.0.0.1:" + edgeHub.plainPort, "test-observer",
                new MemoryPersistence());
        MqttConnectOptions o = new MqttConnectOptions();
        o.setCleanSession(true);
        sub.connect(o);
        sub.subscribe("devices/#", 1, (topic, msg) -> received.add(new Published(topic,
                new String(msg.getPayload(), StandardCharsets.UTF_8))));
        return received;
    }

    private static Run runDevice(Path tmp, Map<String, String> env, String... extra) throws Exception {
        Path workspace = Files.createDirectories(tmp.resolve("ws"));
        Path out = tmp.resolve("insights.jsonl");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.skilldesigner.engine.cli.Main", "run",
                skillFile.toString(), "--workspace", workspace.toString(), "--frames", Integer.toString(FRAMES),
                "--no-pacing", "--out", out.toString()));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("IOTEDGE_") || k.contains("ConnectionString"));
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] log = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), "runtime did not end");
        List<String> lines = Files.exists(out) ? Files.readAllLines(out) : List.of();
        return new Run(p.exitValue(), new String(log, StandardCharsets.UTF_8), lines, workspace);
    }
}
