package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.cli.Main;

/**
 * Runs an exported package the way the runtime container does ({@code run /package/skill.json --workspace
 * /package}): the packaged model descriptors and their package-relative paths must be enough for the engine.
 */
class PackageRunsOnEngineTest {
    @Test
    void exportedPackageRunsWithTheEngineCli(@TempDir Path tmp) throws Exception {
        NodeCatalog c = Fixtures.catalog();
        Map<String, Object> cam = new LinkedHashMap<>(c.get(CameraInputNode.ID).defaultSettings());
        cam.put(CameraInputNode.RTSP_URL, "rtsp://admin:" + Fixtures.RTSP_PASSWORD + "@10.0.0.5:554/stream1");
        Map<String, Object> face = new LinkedHashMap<>(c.get(ModelNode.ID).defaultSettings());
        face.put(ModelNode.MODEL, "ultraface-320");
        face.put(ModelNode.CONFIDENCE, 0.7);
        Skill skill = Skill.empty("e2e-skill", "Faces e2e")
                .withNode(new SkillNode("cam1", CameraInputNode.ID, "", cam, null))
                .withNode(new SkillNode("face", ModelNode.ID, "", face, null))
                .withEdge(SkillEdge.of("cam1", PortSpec.FRAME_PORT, "face", PortSpec.FRAME_PORT));
        Path pkg = tmp.resolve("pkg");
        new EdgePackageExporter(c, "1.0.0").export(skill, Fixtures.models(tmp), pkg, null);

        Path video = Fixtures.shared().resolve("media/video/one-by-one-person-detection.mp4");
        Path insights = tmp.resolve("insights.jsonl");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("run", pkg.resolve("skill.json").toString(),
                "--workspace", pkg.toString(), "--source", video.toString(), "--frames", "3", "--no-pacing",
                "--out", insights.toString());
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, log);
        List<String> lines = Files.readAllLines(insights);
        assertEquals(3, lines.size(), log);
        for (String line : lines) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            assertTrue(o.has("insights_meta") && o.has("image"), line);
        }
        assertTrue(!log.contains(Fixtures.RTSP_PASSWORD), "secret in the runtime's log");
    }
}
