package io.skilldesigner.engine.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.StreamGroup;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.source.SourceSpec;

/**
 * Memory of N camera-like streams (each its own video file decoder, paced at the skill's fps, frames dropped when
 * the model is busy) through one detector skill sharing one session, for {@code seconds}; prints VmHWM (peak RSS)
 * and the per-stream summary. Run it once per N in separate JVMs and compare the peaks.
 * <p>
 * Args: {@code model.onnx video.mp4 streams seconds [fps]}.
 */
public final class StreamMemoryBenchmark {
    private StreamMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]).toAbsolutePath();
        Path video = Path.of(args[1]).toAbsolutePath();
        int streams = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int fps = args.length > 4 ? Integer.parseInt(args[4]) : 10;
        ModelLibrary library = ModelLibrary.of(List.of(new ModelDescriptor("m", "m", ModelTask.DETECTION, null,
                FileLocation.local(model.toString()), null, "", List.of(), null, null, "")));
        Skill s = Skill.empty("mem", "Memory");
        Skill skill = s.withBasics(s.basics().withDesiredFps(fps)).withNodes(List.of(
                new SkillNode("camera", CameraInputNode.ID, "Camera", Map.of(CameraInputNode.SOURCE_KIND,
                        CameraInputNode.FILE, CameraInputNode.FILE_PATH_KEY, video.toString()), null),
                new SkillNode("model", ModelNode.ID, "Model", Map.of(ModelNode.MODEL, "m",
                        ModelNode.TASK, ModelNode.DETECTION), null)))
                .withEdges(List.of(SkillEdge.of("camera", "f", "model", "f")));
        List<SourceSpec> sources = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            sources.add(SourceSpec.file(video.toString(), true));
        }
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(),
                io.skilldesigner.engine.model.threads.ThreadTuner.standard(System.err::println), streams);
             NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)));
             StreamGroup group = StreamGroup.build(sources, (i, spec) -> Engine.builder(skill).models(library)
                     .registry(registry), (i, id) -> new EngineListener() { })) {
            group.start();
            Thread.sleep(Duration.ofSeconds(seconds).toMillis());
            System.out.print(group.summary().format());
            System.out.println("sessions: " + sessions.openSessions().size());
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM") || l.startsWith("VmRSS") || l.startsWith("Threads")) {
                    System.out.println(l);
                }
            }
        }
    }
}
