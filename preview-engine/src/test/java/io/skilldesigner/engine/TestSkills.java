package io.skilldesigner.engine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/** Builds skills for tests: a camera input followed by nodes, as chains or fan-outs. */
public final class TestSkills {
    private final List<SkillNode> nodes = new ArrayList<>();
    private final List<SkillEdge> edges = new ArrayList<>();
    private int fps = 15;

    public static TestSkills fileCamera(Path video, boolean loop) {
        TestSkills s = new TestSkills();
        s.nodes.add(new SkillNode("camera", CameraInputNode.ID, "Camera", Map.of(
                CameraInputNode.SOURCE_KIND, CameraInputNode.FILE,
                CameraInputNode.FILE_PATH_KEY, video.toString(),
                CameraInputNode.LOOP, loop), null));
        return s;
    }

    public static TestSkills rtspCamera(String url) {
        TestSkills s = new TestSkills();
        s.nodes.add(new SkillNode("camera", CameraInputNode.ID, "Camera", Map.of(
                CameraInputNode.SOURCE_KIND, CameraInputNode.RTSP,
                CameraInputNode.RTSP_URL, url), null));
        return s;
    }

    public TestSkills fps(int f) {
        fps = f;
        return this;
    }

    /** Adds a node and an edge from {@code from}. */
    public TestSkills node(String id, String typeId, String from, Map<String, Object> settings) {
        nodes.add(new SkillNode(id, typeId, id, settings, null));
        edges.add(SkillEdge.of(from, "f", id, "f"));
        return this;
    }

    public TestSkills node(String id, String typeId, String from) {
        return node(id, typeId, from, Map.of());
    }

    public Skill build() {
        Skill s = Skill.empty("test-skill", "Test skill");
        return s.withBasics(s.basics().withDesiredFps(fps)).withNodes(nodes).withEdges(edges);
    }
}
