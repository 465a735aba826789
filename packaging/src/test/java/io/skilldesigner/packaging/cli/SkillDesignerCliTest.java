package io.skilldesigner.packaging.cli;

import static io.skilldesigner.packaging.cli.CliFixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.packaging.FixturesAccess;
import io.skilldesigner.packaging.cli.CliFixtures.Result;

/** The headless program: validate and export on a real workspace folder, the engine's commands passed on. */
class SkillDesignerCliTest {
    @TempDir
    Path tmp;

    @Test
    void validateListsProblemsAndExitsThreeWhenInvalid() throws Exception {
        Path good = CliFixtures.workspaceWithSkill(tmp, FixturesAccess.secretSkill());
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

    /** validate flags what export refuses: a model the device's engine would not open at the skill's start. */
    @Test
    void validateNamesAModelTheSkillCouldNotStartWith() throws Exception {
        Path skill = CliFixtures.workspaceWithSkill(tmp, FixturesAccess.secretSkill());
        io.skilldesigner.core.workspace.Workspace ws = io.skilldesigner.core.workspace.Workspace.open(
                tmp.resolve("ws"), NodeCatalog.standard());
        io.skilldesigner.core.model.ModelDescriptor face = ws.modelLibrary().find("ultraface-320").orElseThrow();
        Path eighty = Files.writeString(tmp.resolve("eighty.txt"), String.join("\n",
                java.util.stream.IntStream.range(0, 80).mapToObj(i -> "class" + i).toList()) + "\n");
        ws.saveModel(face.withLabels(io.skilldesigner.core.model.FileLocation.local(eighty.toString())));
        Result r = cli("validate", skill.toString(), "--workspace", tmp.resolve("ws").toString());
        assertEquals(3, r.code(), r.out() + r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("ERROR [face] ")
                && l.contains("has 2 classes (background first) but the label file has 80 labels")), r.out());
        assertTrue(r.out().contains("1 error(s)"), r.out());
        assertFalse(r.out().contains("[what]"), "the classifier starts: " + r.out());

        Result json = cli("validate", skill.toString(), "--workspace", tmp.resolve("ws").toString(), "--json");
        assertEquals(3, json.code(), json.out() + json.err());
        com.google.gson.JsonObject o = com.google.gson.JsonParser.parseString(json.out()).getAsJsonObject();
        assertFalse(o.get("valid").getAsBoolean());
        assertEquals(1, o.get("errors").getAsInt());
        com.google.gson.JsonObject problem = o.getAsJsonArray("problems").get(0).getAsJsonObject();
        assertEquals("ERROR", problem.get("severity").getAsString());
        assertEquals("face", problem.get("node").getAsString());
        assertTrue(problem.get("message").getAsString().contains("but the label file has 80 labels"), json.out());
    }

    @Test
    void exportWritesThePackageForTheChosenArchitecturesAndTheZip() throws Exception {
        Path skill = CliFixtures.workspaceWithSkill(tmp, FixturesAccess.secretSkill());
        Path out = tmp.resolve("out/pkg");
        Result r = cli("export", skill.toString(), "--workspace", tmp.resolve("ws").toString(), "--out",
                out.toString(), "--arch", "amd64", "--zip", "--no-runtime");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(Files.isRegularFile(out.resolve("iotedge/deployment.amd64.json")));
        assertFalse(Files.exists(out.resolve("iotedge/deployment.arm64v8.json")), "only the chosen architecture");
        assertTrue(Files.isRegularFile(out.resolve("models/ultraface-320.onnx")));
        assertTrue(Files.size(tmp.resolve("out/pkg.zip")) > 0);
        assertTrue(r.out().contains("SD_SECRET_"), "secrets to set are listed: " + r.out());
        assertFalse(r.out().contains(FixturesAccess.RTSP_PASSWORD) || r.err().contains(FixturesAccess.RTSP_PASSWORD));

        Result again = cli("export", skill.toString(), "--out", out.toString(), "--no-runtime");
        assertEquals(1, again.code(), "refuses a non-empty folder");
        assertTrue(again.err().contains("not empty"), again.err());
        Result badArch = cli("export", skill.toString(), "--out", tmp.resolve("x").toString(), "--arch", "s390x");
        assertEquals(2, badArch.code());
        assertTrue(badArch.err().contains("unknown architecture 's390x'"), badArch.err());
    }

    @Test
    void exportedZipWithItsVideoRunsFromTheUnpackedFolderAsTheContainerCmd() throws Exception {
        Path ws = tmp.resolve("ws");
        CliFixtures.doorVideo(tmp);
        Path skill = CliFixtures.fileSourceSkill(tmp, "media/door.mp4");
        Result r = cli("export", skill.toString(), "--out", tmp.resolve("out/pkg").toString(), "--zip",
                "--no-runtime");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("video file media/cam1-door.mp4 included (")
                && r.err().contains(" MB)"), "size shown: " + r.err());

        Path unpacked = tmp.resolve("device/package");
        CliFixtures.unzip(tmp.resolve("out/pkg.zip"), unpacked);
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

    @Test
    void exportRefusesAMissingVideoFileWithTheFix() throws Exception {
        Path skill = CliFixtures.fileSourceSkill(tmp, "media/missing.mp4");
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
        Path skillFile = CliFixtures.fileSourceSkill(tmp, "media/faces.mp4");
        NodeCatalog catalog = NodeCatalog.standard();
        io.skilldesigner.core.workspace.Workspace workspace = io.skilldesigner.core.workspace.Workspace.open(ws,
                catalog);
        Skill skill = workspace.loadSkill("file-skill").updateNode("cam1",
                n -> n.withSetting(io.skilldesigner.core.catalog.nodes.CameraInputNode.LOOP, false));
        workspace.saveSkill(skill);

        Result none = cli("export", skillFile.toString(), "--out", tmp.resolve("out/none").toString(),
                "--no-runtime", "--require-tests");
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
                "--no-runtime", "--require-tests");
        assertEquals(0, pass.code(), pass.out() + pass.err());
        assertTrue(pass.out().contains("test file-skill on faces-run.mkv: PASS (6 frames"), pass.out());
        assertTrue(Files.isRegularFile(tmp.resolve("out/pass/skill.json")));

        workspace.saveSkill(skill.updateNode("face", n -> n.withSetting(io.skilldesigner.core.catalog.nodes.ModelNode.CONFIDENCE, 0.97)));
        Result fail = cli("export", skillFile.toString(), "--out", tmp.resolve("out/fail").toString(),
                "--no-runtime", "--require-tests");
        assertEquals(6, fail.code(), fail.out() + fail.err());
        assertTrue(fail.out().contains("test file-skill on faces-run.mkv: FAIL ("), fail.out());
        assertTrue(fail.out().lines().anyMatch(l -> l.startsWith("  frame 0 (id 0) face")
                && l.endsWith(": missing in the replay")), "the diff is listed: " + fail.out());
        assertTrue(fail.err().contains("export of skill file-skill refused (--require-tests): a saved test failed"),
                fail.err());
        assertFalse(Files.exists(tmp.resolve("out/fail")), "nothing written");

        Result without = cli("export", skillFile.toString(), "--out", tmp.resolve("out/plain").toString(),
                "--no-runtime");
        assertEquals(0, without.code(), "without the flag the tests do not gate: " + without.err());
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
