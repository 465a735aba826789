package io.skilldesigner.packaging.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.export.EdgeHubStandIn;
import io.skilldesigner.engine.export.WorkloadApiStandIn;
import io.skilldesigner.packaging.FixturesAccess;

/** The headless program: validate and export on a real workspace folder, the engine's commands passed on. */
class SkillDesignerCliTest {
    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    private static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SkillDesignerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A workspace with the fixture models and the fixture skill (RTSP credentials, gRPC container, exports). */
    private Path workspaceWithSkill(Skill skill) throws Exception {
        Path root = tmp.resolve("ws");
        Workspace ws = Workspace.open(root, NodeCatalog.standard());
        for (ModelDescriptor m : FixturesAccess.models(tmp).all()) {
            ws.saveModel(m);
        }
        return ws.saveSkill(skill);
    }

    @Test
    void validateListsProblemsAndExitsThreeWhenInvalid() throws Exception {
        Path good = workspaceWithSkill(FixturesAccess.secretSkill());
        Result ok = cli("validate", good.toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("valid"), ok.out());

        Skill broken = FixturesAccess.secretSkill().updateNode("face",
                n -> n.withSetting(io.skilldesigner.core.catalog.nodes.ModelNode.MODEL, "no-such-model"));
        Path bad = tmp.resolve("bad.skill.json");
        Files.writeString(bad, new io.skilldesigner.core.io.SkillJson(NodeCatalog.standard()).write(broken));
        Result r = cli("validate", bad.toString(), "--workspace", tmp.resolve("ws").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("[face.modelId]") && r.out().contains("no-such-model")
                && r.out().contains("1 error(s)"), r.out());

        Result missing = cli("validate", tmp.resolve("nope.skill.json").toString());
        assertEquals(3, missing.code());
        assertTrue(missing.err().contains("not found"), missing.err());
    }

    @Test
    void exportWritesThePackageForTheChosenArchitecturesAndTheZip() throws Exception {
        Path skill = workspaceWithSkill(FixturesAccess.secretSkill());
        Path out = tmp.resolve("out/pkg");
        Result r = cli("export", skill.toString(), "--workspace", tmp.resolve("ws").toString(), "--out",
                out.toString(), "--arch", "amd64", "--zip");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.isRegularFile(out.resolve("iotedge/deployment.amd64.json")));
        assertFalse(Files.exists(out.resolve("iotedge/deployment.arm64v8.json")), "only the chosen architecture");
        assertTrue(Files.isRegularFile(out.resolve("models/ultraface-320.onnx")));
        assertTrue(Files.size(tmp.resolve("out/pkg.zip")) > 0);
        assertTrue(r.out().contains("SD_SECRET_"), "secrets to set are listed: " + r.out());
        assertFalse(r.out().contains(FixturesAccess.RTSP_PASSWORD) || r.err().contains(FixturesAccess.RTSP_PASSWORD));

        Result again = cli("export", skill.toString(), "--out", out.toString());
        assertEquals(1, again.code(), "refuses a non-empty folder");
        assertTrue(again.err().contains("not empty"), again.err());
        Result badArch = cli("export", skill.toString(), "--out", tmp.resolve("x").toString(), "--arch", "s390x");
        assertEquals(2, badArch.code());
        assertTrue(badArch.err().contains("unknown architecture 's390x'"), badArch.err());
    }

    /** Camera reads a workspace-relative video file, UltraFace detector, IoT Hub export. */
    private Path fileSourceSkill(Path root, String videoSetting) throws Exception {
        NodeCatalog c = NodeCatalog.standard();
        java.util.Map<String, Object> cam = new java.util.LinkedHashMap<>(c.get(CameraInputNode.ID).defaultSettings());
        cam.put(CameraInputNode.SOURCE_KIND, CameraInputNode.FILE);
        cam.put(CameraInputNode.FILE_PATH_KEY, videoSetting);
        java.util.Map<String, Object> face = new java.util.LinkedHashMap<>(c.get(ModelNode.ID).defaultSettings());
        face.put(ModelNode.MODEL, "ultraface-320");
        Skill skill = Skill.empty("file-skill", "File source")
                .withNode(new SkillNode("cam1", CameraInputNode.ID, "", cam, null))
                .withNode(new SkillNode("face", ModelNode.ID, "", face, null))
                .withNode(new SkillNode("hub", IotHubExportNode.ID, "", hubSettings(c), null))
                .withEdge(SkillEdge.of("cam1", PortSpec.FRAME_PORT, "face", PortSpec.FRAME_PORT))
                .withEdge(SkillEdge.of("face", PortSpec.FRAME_PORT, "hub", PortSpec.FRAME_PORT));
        return workspaceWithSkill(skill);
    }

    @Test
    void exportedZipWithItsVideoRunsFromTheUnpackedFolderAsTheContainerCmd() throws Exception {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("media"));
        Files.copy(FixturesAccess.shared().resolve("media/video/one-by-one-person-detection.mp4"),
                ws.resolve("media/door.mp4"));
        Path skill = fileSourceSkill(ws, "media/door.mp4");
        Result r = cli("export", skill.toString(), "--out", tmp.resolve("out/pkg").toString(), "--zip");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("video file media/cam1-door.mp4 included (")
                && r.err().contains(" MB)"), "size shown: " + r.err());

        Path unpacked = tmp.resolve("device/package");
        unzip(tmp.resolve("out/pkg.zip"), unpacked);
        assertTrue(Files.isRegularFile(unpacked.resolve("media/cam1-door.mp4")));
        Path insights = tmp.resolve("insights.jsonl");
        // exactly the runtime image's CMD, against the unpacked folder (the workspace is gone)
        deleteRecursively(ws);
        Result run = cli("run", unpacked.resolve("skill.json").toString(), "--workspace", unpacked.toString(),
                "--frames", "3", "--no-pacing", "--out", insights.toString());
        assertEquals(0, run.code(), run.err());
        java.util.List<String> lines = Files.readAllLines(insights);
        assertEquals(3, lines.size(), run.err());
        assertTrue(lines.get(0).contains("\"insights_meta\""), lines.get(0));
    }

    private static java.util.Map<String, Object> hubSettings(NodeCatalog c) {
        java.util.Map<String, Object> hub = new java.util.LinkedHashMap<>(c.get(IotHubExportNode.ID).defaultSettings());
        hub.put(IotHubExportNode.DELAY_SECONDS, 0L);
        hub.put(IotHubExportNode.ONLY_WITH_OBJECTS, false);
        return hub;
    }

    /**
     * The operator's path end to end: export with the CLI, unzip on the "device", run the image's ENTRYPOINT + CMD
     * (paths of the unpacked folder) in a fresh JVM with the environment IoT Edge gives a module; the insights reach
     * the edgeHub stand-in over MQTT/TLS with the module's identity.
     */
    @Test
    void exportedPackageRunsInDeviceModeAndDeliversInsightsToEdgeHub() throws Exception {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("media"));
        Files.copy(FixturesAccess.shared().resolve("media/video/one-by-one-person-detection.mp4"),
                ws.resolve("media/door.mp4"));
        Path skill = fileSourceSkill(ws, "media/door.mp4");
        assertEquals(0, cli("export", skill.toString(), "--out", tmp.resolve("out/pkg").toString(), "--zip").code());
        Path pkg = tmp.resolve("device/package");
        unzip(tmp.resolve("out/pkg.zip"), pkg);

        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(Files.createDirectories(tmp.resolve("edgehub")));
             WorkloadApiStandIn workload = new WorkloadApiStandIn(tmp.resolve("workload.sock"),
                     "module-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                     Files.readString(edgeHub.caCert))) {
            java.util.List<String[]> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            org.eclipse.paho.client.mqttv3.MqttClient sub = new org.eclipse.paho.client.mqttv3.MqttClient(
                    "tcp://127.0.0.1:" + edgeHub.plainPort, "observer",
                    new org.eclipse.paho.client.mqttv3.persist.MemoryPersistence());
            sub.connect();
            sub.subscribe("devices/#", 1, (t, m) -> received.add(new String[] {t,
                new String(m.getPayload(), StandardCharsets.UTF_8)}));

            Path insights = tmp.resolve("insights.jsonl");
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "io.skilldesigner.engine.cli.Main",
                    "run", pkg.resolve("skill.json").toString(), "--workspace", pkg.toString(),
                    "--frames", "4", "--no-pacing", "--out", insights.toString()).redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("IOTEDGE_") || k.contains("ConnectionString"));
            pb.environment().putAll(java.util.Map.of("IOTEDGE_WORKLOADURI", workload.uri(),
                    "IOTEDGE_DEVICEID", "door-cam", "IOTEDGE_MODULEID", "sd-file-source",
                    "IOTEDGE_IOTHUBHOSTNAME", "plant.azure-devices.net", "IOTEDGE_AUTHSCHEME", "sasToken",
                    "IOTEDGE_GATEWAYHOSTNAME", edgeHub.gateway, "IOTEDGE_MODULEGENERATIONID", "g1"));
            Process p = pb.start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, java.util.concurrent.TimeUnit.SECONDS));
            assertEquals(0, p.exitValue(), log);
            java.util.List<String> lines = Files.readAllLines(insights);
            assertEquals(4, lines.size(), log);
            long deadline = System.currentTimeMillis() + 20_000;
            while (received.size() < lines.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            sub.disconnect();
            sub.close();
            java.util.List<Object> bodies = new java.util.ArrayList<>();
            for (String[] r : received) {
                assertTrue(r[0].startsWith("devices/door-cam/modules/sd-file-source/messages/events/")
                        && r[0].contains("$.on=metrics"), r[0]);
                bodies.add(com.google.gson.JsonParser.parseString(r[1]));
            }
            for (String line : lines) {
                assertTrue(bodies.contains(com.google.gson.JsonParser.parseString(line)), "not on edgeHub: " + line);
            }
            assertTrue(edgeHub.logText().contains(" as door-cam/sd-file-source (")
                    && edgeHub.logText().contains("u'plant.azure-devices.net/door-cam/sd-file-source/?api-version="),
                    edgeHub.logText());
            assertFalse(Files.exists(pkg.resolve("export-messages")), "device mode never writes a file instead");
        }
    }

    @Test
    void exportRefusesAMissingVideoFileWithTheFix() throws Exception {
        Path skill = fileSourceSkill(tmp.resolve("ws"), "media/missing.mp4");
        Result r = cli("export", skill.toString(), "--out", tmp.resolve("out/pkg").toString());
        assertEquals(1, r.code(), r.err());
        assertTrue(r.err().contains("camera node 'cam1' reads the video file media/missing.mp4, which was not found")
                && r.err().contains("use an RTSP camera on the device, or include the file"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/pkg")), "nothing left behind");
    }

    /**
     * {@code export --require-tests} with a real saved test: the run of a real face detector on real faces is
     * recorded into the workspace's recordings/ and its golden file made by {@code test --update}; the export
     * passes; after a threshold change the same export is refused with exit 6, naming the test and its diff.
     */
    @Test
    void exportWithRequireTestsRefusesWhenASavedTestFailsAndPassesOtherwise() throws Exception {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("media"));
        io.skilldesigner.engine.TestVideos.stillImage(ws.resolve("media/faces.mp4"),
                FixturesAccess.shared().resolve("media/faces/1.jpg"), 6, 720, 478, 10);
        Path skillFile = fileSourceSkill(ws, "media/faces.mp4");
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace workspace = Workspace.open(ws, catalog);
        Skill skill = workspace.loadSkill("file-skill").updateNode("cam1",
                n -> n.withSetting(CameraInputNode.LOOP, false));
        workspace.saveSkill(skill);

        Result none = cli("export", skillFile.toString(), "--out", tmp.resolve("out/none").toString(),
                "--require-tests");
        assertEquals(2, none.code(), none.out() + none.err());
        assertTrue(none.err().contains("no saved tests of skill file-skill")
                && none.err().contains("refused (--require-tests)"), none.err());
        assertFalse(Files.exists(tmp.resolve("out/none")), "nothing written");

        io.skilldesigner.engine.recording.RecordingFiles recording = io.skilldesigner.engine.recording.RecordingFiles
                .of(ws.resolve("recordings/faces-run.mkv"));
        Files.createDirectories(recording.video().getParent());
        try (io.skilldesigner.engine.recording.RecordingWriter writer =
                     new io.skilldesigner.engine.recording.RecordingWriter(recording,
                             new io.skilldesigner.engine.insights.InsightsJson(
                                     io.skilldesigner.engine.runtime.RunIdentity.preview(skill.id())),
                             10, skill.id(), io.skilldesigner.engine.recording.SkillChecksum.of(catalog, skill));
             io.skilldesigner.engine.Engine engine = io.skilldesigner.engine.Engine.builder(skill)
                     .models(new io.skilldesigner.core.model.AbsoluteModelLibrary(workspace.modelLibrary(), ws))
                     .workspace(ws).paced(false).lossless(true)
                     .listener(new io.skilldesigner.engine.EngineListener() {
                         @Override
                         public void onOutput(io.skilldesigner.engine.frame.Frame frame) {
                             try {
                                 writer.write(frame);
                             } catch (java.io.IOException e) {
                                 throw new java.io.UncheckedIOException(e);
                             }
                         }
                     }).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(java.time.Duration.ofMinutes(2)));
        }
        Result golden = cli("test", skillFile.toString(), "--workspace", ws.toString(), "--recording",
                recording.video().toString(), "--update");
        assertEquals(0, golden.code(), golden.out() + golden.err());
        assertTrue(Files.readString(recording.golden()).contains("\"face\""), "the golden file holds faces");

        Result pass = cli("export", skillFile.toString(), "--out", tmp.resolve("out/pass").toString(),
                "--require-tests");
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("test file-skill on faces-run.mkv: PASS (6 frames"), pass.out());
        assertTrue(Files.isRegularFile(tmp.resolve("out/pass/skill.json")));

        workspace.saveSkill(skill.updateNode("face", n -> n.withSetting(ModelNode.CONFIDENCE, 0.97)));
        Result fail = cli("export", skillFile.toString(), "--out", tmp.resolve("out/fail").toString(),
                "--require-tests");
        assertEquals(6, fail.code(), fail.out() + fail.err());
        assertTrue(fail.out().contains("test file-skill on faces-run.mkv: FAIL ("), fail.out());
        assertTrue(fail.out().lines().anyMatch(l -> l.startsWith("  frame 0 (id 0) face")
                && l.endsWith(": missing in the replay")), "the diff is listed: " + fail.out());
        assertTrue(fail.err().contains("export of skill file-skill refused (--require-tests): a saved test failed"),
                fail.err());
        assertFalse(Files.exists(tmp.resolve("out/fail")), "nothing written");

        Result without = cli("export", skillFile.toString(), "--out", tmp.resolve("out/plain").toString());
        assertEquals(0, without.code(), "without the flag the tests do not gate: " + without.err());
    }

    private static void unzip(Path zip, Path dir) throws Exception {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) {
                Path target = dir.resolve(e.getName()).normalize();
                assertTrue(target.startsWith(dir));
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Test
    void engineCommandsArePassedOnAndUsageIsComplete() {
        Result help = cli("help");
        assertEquals(0, help.code());
        for (String c : new String[] {"validate", "export", "run", "inspect", "bench", "--edge"}) {
            assertTrue(help.out().contains(c), c + " in: " + help.out());
        }
        Result run = cli("run");
        assertEquals(2, run.code(), "the engine's own usage error");
        assertTrue(run.err().contains("run needs exactly one skill file"), run.err());
        assertEquals(2, cli().code());
    }
}
