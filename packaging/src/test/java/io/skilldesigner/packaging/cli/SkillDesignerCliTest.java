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
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
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
