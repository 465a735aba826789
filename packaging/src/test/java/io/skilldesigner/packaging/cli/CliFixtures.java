package io.skilldesigner.packaging.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.packaging.FixturesAccess;

/** The headless program run in-process, and the workspaces and skills its tests export. */
final class CliFixtures {
    record Result(int code, String out, String err) {
    }

    private CliFixtures() {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SkillDesignerCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A workspace under {@code tmp/ws} with the fixture models and the given skill; returns the skill file. */
    static Path workspaceWithSkill(Path tmp, Skill skill) throws Exception {
        Workspace ws = Workspace.open(tmp.resolve("ws"), NodeCatalog.standard());
        for (ModelDescriptor m : FixturesAccess.models(tmp).all()) {
            ws.saveModel(m);
        }
        return ws.saveSkill(skill);
    }

    /** Camera reads a workspace-relative video file, UltraFace detector, IoT Hub export (every frame). */
    static Path fileSourceSkill(Path tmp, String videoSetting) throws Exception {
        return fileSourceSkill(tmp, videoSetting, false);
    }

    /** As above; {@code clips}: a video snippet node (folder {@code snippets}) records a clip as well. */
    static Path fileSourceSkill(Path tmp, String videoSetting, boolean clips) throws Exception {
        NodeCatalog c = NodeCatalog.standard();
        Map<String, Object> cam = new LinkedHashMap<>(c.get(CameraInputNode.ID).defaultSettings());
        cam.put(CameraInputNode.SOURCE_KIND, CameraInputNode.FILE);
        cam.put(CameraInputNode.FILE_PATH_KEY, videoSetting);
        Map<String, Object> face = new LinkedHashMap<>(c.get(ModelNode.ID).defaultSettings());
        face.put(ModelNode.MODEL, "ultraface-320");
        Map<String, Object> hub = new LinkedHashMap<>(c.get(IotHubExportNode.ID).defaultSettings());
        hub.put(IotHubExportNode.DELAY_SECONDS, 0L);
        hub.put(IotHubExportNode.ONLY_WITH_OBJECTS, false);
        Skill skill = Skill.empty("file-skill", "File source")
                .withNode(new SkillNode("cam1", CameraInputNode.ID, "", cam, null))
                .withNode(new SkillNode("face", ModelNode.ID, "", face, null))
                .withNode(new SkillNode("hub", IotHubExportNode.ID, "", hub, null))
                .withEdge(SkillEdge.of("cam1", PortSpec.FRAME_PORT, "face", PortSpec.FRAME_PORT))
                .withEdge(SkillEdge.of("face", PortSpec.FRAME_PORT, "hub", PortSpec.FRAME_PORT));
        if (clips) {
            skill = skill.withNode(new SkillNode("clip", VideoSnippetExportNode.ID, "",
                            new LinkedHashMap<>(c.get(VideoSnippetExportNode.ID).defaultSettings()), null))
                    .withEdge(SkillEdge.of("face", PortSpec.FRAME_PORT, "clip", PortSpec.FRAME_PORT));
        }
        return workspaceWithSkill(tmp, skill);
    }

    /** The shared test video as {@code ws/media/door.mp4}. */
    static void doorVideo(Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        Files.createDirectories(ws.resolve("media"));
        Files.copy(FixturesAccess.shared().resolve("media/video/one-by-one-person-detection.mp4"),
                ws.resolve("media/door.mp4"));
    }

    static void unzip(Path zip, Path dir) throws Exception {
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
}
