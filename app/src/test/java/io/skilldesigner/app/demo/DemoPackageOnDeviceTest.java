package io.skilldesigner.app.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.engine.export.EdgeHubStandIn;
import io.skilldesigner.engine.export.WorkloadApiStandIn;
import io.skilldesigner.packaging.ManifestValidator;
import io.skilldesigner.packaging.cli.SkillDesignerCli;

/**
 * Issue 11's "done when", on the demo skill itself: the headless program's {@code export} (the code behind
 * {@code bin/skill-designer export} and the installed {@code skill-designer-cli}, here in-process, with the runtime
 * distribution it finds beside packaging's build) gives a zip; unpacked on the "device", the package README's own
 * deploy commands produce schema-valid IoT Edge manifests, and its runtime, started from the package folder with
 * a plain {@code java} and the environment IoT Edge gives a module, delivers the insight messages over MQTT/TLS to
 * the local edgeHub stand-in (workload API on a Unix socket + Mosquitto).
 */
class DemoPackageOnDeviceTest {
    @Test
    void demoPackageDeploysAndItsRuntimeDeliversToEdgeHub(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        DemoWorkspace.openOrCreate(ws, NodeCatalog.standard());
        Path skill = ws.resolve("skills/" + DemoWorkspace.SKILL_ID + ".skill.json");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SkillDesignerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("export", skill.toString(), "--workspace",
                ws.toString(), "--out", tmp.resolve("out/demo").toString(), "--zip");
        String exportLog = out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, exportLog);
        assertTrue(exportLog.contains("runtime: "), "the runtime is found without options: " + exportLog);

        Path pkg = unzip(tmp.resolve("out/demo.zip"), tmp.resolve("device/package"));
        deploysWithTheReadmeCommands(pkg);
        runsOnTheDevice(pkg, Files.createDirectories(tmp.resolve("device/edge")));
    }

    /** Every {@code envsubst} line of the package README, run as written, gives a valid manifest. */
    private static void deploysWithTheReadmeCommands(Path pkg) throws Exception {
        List<String> commands = Files.readAllLines(pkg.resolve("README.md")).stream().map(String::trim)
                .filter(l -> l.startsWith("envsubst ")).toList();
        assertEquals(2, commands.size(), "one per architecture: " + commands);
        ManifestValidator validator = new ManifestValidator();
        for (String command : commands) {
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(pkg.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("CONTAINER_REGISTRY", "myregistry.azurecr.io");
            pb.environment().put("CONTAINER_REGISTRY_USERNAME", "pusher");
            pb.environment().put("CONTAINER_REGISTRY_PASSWORD", "registry-pw");
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + log);
            String target = command.substring(command.lastIndexOf('>') + 1).trim();
            String manifest = Files.readString(pkg.resolve(target));
            assertFalse(manifest.contains("${"), "placeholder left in " + target);
            assertEquals(List.of(), validator.validate(ManifestValidator.Kind.DEPLOYMENT, manifest), target);
        }
    }

    private static void runsOnTheDevice(Path pkg, Path device) throws Exception {
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(Files.createDirectories(device.resolve("edgehub")));
             WorkloadApiStandIn workload = new WorkloadApiStandIn(device.resolve("workload.sock"),
                     "demo-module-key-0123456789".getBytes(StandardCharsets.UTF_8), Files.readString(edgeHub.caCert))) {
            List<String[]> received = new CopyOnWriteArrayList<>();
            MqttClient sub = new MqttClient("tcp://127.0.0.1:" + edgeHub.plainPort, "observer",
                    new MemoryPersistence());
            sub.connect();
            sub.subscribe("devices/#", 1, (t, m) -> received.add(new String[] {t,
                new String(m.getPayload(), StandardCharsets.UTF_8)}));
            Path insights = device.resolve("insights.jsonl");
            String cp = pkg.resolve("runtime/lib/common") + "/*" + File.pathSeparator
                    + pkg.resolve("runtime/lib/amd64") + "/*";
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", cp, "io.skilldesigner.engine.cli.Main", "run", pkg.resolve("skill.json").toString(),
                    "--workspace", pkg.toString(), "--frames", "4", "--no-pacing", "--out", insights.toString())
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("IOTEDGE_") || k.contains("ConnectionString"));
            pb.environment().putAll(Map.of("IOTEDGE_WORKLOADURI", workload.uri(), "IOTEDGE_DEVICEID", "demo-cam",
                    "IOTEDGE_MODULEID", "sd-demo", "IOTEDGE_IOTHUBHOSTNAME", "plant.azure-devices.net",
                    "IOTEDGE_AUTHSCHEME", "sasToken", "IOTEDGE_GATEWAYHOSTNAME", edgeHub.gateway,
                    "IOTEDGE_MODULEGENERATIONID", "g1", "IOTEDGE_APIVERSION", "2019-01-30"));
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), log);
            assertEquals(0, p.exitValue(), log);
            assertTrue(log.contains("device mode"), log);
            List<String> lines = Files.readAllLines(insights);
            assertEquals(4, lines.size(), log);
            // The demo's IoT Hub export sends at most one message per its delay: the run summary says how many.
            Matcher sent = Pattern.compile("(?m)^iothub: \\{[^}]*\\bsent=(\\d+)").matcher(log);
            assertTrue(sent.find(), log);
            int count = Integer.parseInt(sent.group(1));
            assertTrue(count >= 1, log);
            long deadline = System.currentTimeMillis() + 20_000;
            while (received.size() < count && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            sub.disconnect();
            sub.close();
            List<JsonElement> bodies = new ArrayList<>();
            for (String[] r : received) {
                assertTrue(r[0].startsWith("devices/demo-cam/modules/sd-demo/messages/events/"), r[0]);
                bodies.add(JsonParser.parseString(r[1]));
            }
            assertEquals(count, bodies.size(), log);
            List<JsonElement> written = lines.stream().map(JsonParser::parseString).toList();
            for (JsonElement body : bodies) {
                assertTrue(written.contains(body), "published, but not an insight line of the run: " + body);
            }
            assertTrue(edgeHub.logText().contains(" as demo-cam/sd-demo ("), edgeHub.logText());
        }
    }

    private static Path unzip(Path zip, Path to) throws IOException {
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e; (e = z.getNextEntry()) != null; ) {
                Path target = to.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(to), e.getName());
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(z, target);
                }
            }
        }
        return to;
    }
}
