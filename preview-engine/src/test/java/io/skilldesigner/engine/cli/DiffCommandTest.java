package io.skilldesigner.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.kan.KanSkillWriter;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.TestSkills;

/** {@code diff} on real files: exit codes like diff(1), text and JSON output, KAN on one side, model checksums. */
class DiffCommandTest {
    private final NodeCatalog catalog = NodeCatalog.standard();

    /** An RTSP camera, as KAN can express it (KAN has no video-file camera). */
    private Skill skill(Path dir) {
        return TestSkills.rtspCamera("rtsp://127.0.0.1:8554/" + dir.getFileName())
                .node("det", ModelNode.ID, "camera", Map.of(ModelNode.MODEL, "det-model", ModelNode.CONFIDENCE, 0.5))
                .node("filter", FilterNode.ID, "det", Map.of(FilterNode.LABELS, List.of("person"))).build();
    }

    private Path write(Path file, Skill skill) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, new SkillJson(catalog).write(skill));
        return file;
    }

    private static void model(Path workspace, String sha256) throws Exception {
        ModelDescriptor d = new ModelDescriptor("det-model", "Detector", ModelTask.DETECTION, null,
                FileLocation.local("det.onnx"), null, null, null, null, null, sha256);
        Files.createDirectories(workspace.resolve("models"));
        Files.writeString(workspace.resolve("models/det-model" + ModelJson.EXTENSION), new ModelJson().write(d));
    }

    @Test
    void equalSkillsExitZeroAndAScriptedEditExitsOneWithExactlyThatChange(@TempDir Path dir) throws Exception {
        Skill s = skill(dir);
        Path a = write(dir.resolve("a.skill.json"), s);
        Path same = write(dir.resolve("same.skill.json"), s);
        Path b = write(dir.resolve("b.skill.json"), s.updateNode("det", n -> n.withSetting(ModelNode.CONFIDENCE, 0.7))
                .updateNode("filter", n -> n.withPosition(new Position(999, 999))));

        CliRun eq = CliRun.of("diff", a.toString(), same.toString());
        assertEquals(0, eq.code(), eq.err());
        assertEquals("no differences", eq.out().strip());

        CliRun r = CliRun.of("diff", a.toString(), b.toString());
        assertEquals(1, r.code(), r.err());
        assertEquals(List.of("~ setting det.confidence (Confidence threshold): 0.5 -> 0.7",
                "(1 layout-only change hidden; --layout shows them)"), r.out().lines().toList());

        CliRun withLayout = CliRun.of("diff", a.toString(), b.toString(), "--layout");
        assertTrue(withLayout.out().contains("~ position filter:"), withLayout.out());

        CliRun json = CliRun.of("diff", a.toString(), b.toString(), "--json");
        assertEquals(1, json.code());
        JsonObject o = JsonParser.parseString(json.out()).getAsJsonObject();
        assertEquals(false, o.get("equal").getAsBoolean());
        JsonArray changes = o.getAsJsonArray("changes");
        assertEquals(1, changes.size());
        JsonObject c = changes.get(0).getAsJsonObject();
        assertEquals("SETTING", c.get("kind").getAsString());
        assertEquals("det", c.get("node").getAsString());
        assertEquals("0.5", c.get("old").getAsString());
        assertEquals("0.7", c.get("new").getAsString());
        assertEquals(1, o.get("layoutChanges").getAsInt());
    }

    @Test
    void kanOnOneSideAndModelsComparedByChecksumOfEachWorkspace(@TempDir Path dir) throws Exception {
        Skill s = skill(dir);
        Path wsA = dir.resolve("ws-a");
        Path wsB = dir.resolve("ws-b");
        model(wsA, "aaaa1111");
        model(wsB, "bbbb2222");
        Path a = write(wsA.resolve("skills/s.skill.json"), s);
        Path b = wsB.resolve("skills/s.yaml");
        Files.createDirectories(b.getParent());
        ModelLibrary libB = ModelLibrary.of(List.of(new ModelJson().read(wsB.resolve("models/det-model.model.json"))));
        Files.writeString(b, new KanSkillWriter(catalog, libB).write(s).toYaml());

        CliRun r = CliRun.of("diff", a.toString(), b.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertEquals("~ model det.modelId (Model): sha256 aaaa1111 -> bbbb2222", r.out().lines().findFirst()
                .orElseThrow());
        assertEquals(1, r.out().lines().filter(l -> l.startsWith("~ ") || l.startsWith("+ ")
                || l.startsWith("- ")).count(), r.out());

        // the same workspace for both sides: same model file, so equal
        CliRun same = CliRun.of("diff", a.toString(), b.toString(), "--workspace", wsA.toString());
        assertEquals(0, same.code(), same.out() + same.err());
    }

    @Test
    void usageAndUnreadableFiles(@TempDir Path dir) throws Exception {
        Path a = write(dir.resolve("a.skill.json"), skill(dir));
        CliRun oneFile = CliRun.of("diff", a.toString());
        assertEquals(2, oneFile.code());
        assertTrue(oneFile.err().contains("exactly two"), oneFile.err());
        assertEquals(2, CliRun.of("diff", a.toString(), a.toString(), "--colour").code());

        Path broken = dir.resolve("broken.skill.json");
        Files.writeString(broken, "{\"formatVersion\": 1,\n \"id\": 42,");
        CliRun bad = CliRun.of("diff", a.toString(), broken.toString());
        assertEquals(3, bad.code());
        assertTrue(bad.err().contains("broken.skill.json"), bad.err());

        CliRun help = CliRun.of("diff", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("exit codes: 0 equal"), help.out());
    }
}
