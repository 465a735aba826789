package io.skilldesigner.engine.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.SkillBuildException;
import io.skilldesigner.engine.StreamGroup;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.metrics.RunSummary;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.source.SourceSpec;

/**
 * {@code run} with several {@code --source}s: the skill runs once per source (KAN deploys one skill to many
 * cameras) in a {@link StreamGroup}, every model shared by one session; insights of all streams go to one output,
 * each line's {@code instance_id} naming its stream; per-stream fps, drops and latency in the summary. The exit code
 * is the first stream's failure in stream order, else OK.
 */
final class MultiSourceRun {
    private final PrintStream err;
    private final NodeRuntimeRegistry registry;
    private final Set<String> sourceNodes;

    /** @param registry shared by every stream (its model factory holds one session per model file) */
    MultiSourceRun(PrintStream err, NodeRuntimeRegistry registry, Set<String> sourceNodes) {
        this.err = err;
        this.registry = registry;
        this.sourceNodes = sourceNodes;
    }

    ExitCode run(Skill skill, ModelLibrary models, Path workspace, List<SourceSpec> sources, int maxFrames,
                 boolean paced, boolean edge, Writer sink, Interruption interruption) throws IOException {
        List<StreamListener> states = new ArrayList<>();
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        for (int i = 0; i < sources.size(); i++) {
            states.add(new StreamListener(new InsightsJson(identity(skill, i)), sink, maxFrames, writeFailure,
                    () -> states.forEach(StreamListener::release), err, streamId(i) + ": "));
        }
        StreamGroup group;
        try {
            group = StreamGroup.build(sources, (i, source) -> Engine.builder(skill).registry(registry).models(models)
                            .workspace(workspace).identity(identity(skill, i)).paced(paced).lossless(!paced)
                            .edge(edge).nodeStatus((id, s, m) -> {
                                if (!sourceNodes.contains(id)) {
                                    err.println(streamId(i) + ": node " + id + ": " + s + (m.isEmpty() ? "" : " " + m));
                                }
                            }),
                    (i, streamId) -> states.get(i));
        } catch (SkillBuildException e) {
            err.println("error: the skill cannot run:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCode.BAD_SKILL;
        }
        group.streams().get(0).engine().warnings().forEach(p -> err.println("warning: " + p));
        Thread hook = interruption.hook(group::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        List<List<NodeMetrics>> atEnd = new ArrayList<>();
        try {
            group.start();
            for (StreamListener s : states) {
                s.done().await();
            }
        } catch (NodeStartException e) {
            err.println("error: " + e.getMessage());
            return ModelNode.ID.equals(e.typeId()) ? ExitCode.MODEL_FAILURE : ExitCode.OTHER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            group.streams().forEach(s -> atEnd.add(s.engine().metrics()));
            group.stop();
            RunCommand.removeHook(hook);
        }
        sink.flush();
        ExitCode verdict = ExitCode.OK;
        List<StreamSummary.Row> rows = new ArrayList<>();
        for (int i = 0; i < group.streams().size(); i++) {
            StreamGroup.Stream stream = group.streams().get(i);
            RunSummary ran = stream.engine().summary();
            long frames = states.get(i).written();
            RunSummary summary = new RunSummary(ran.skillId(), ran.seconds(), frames, ran.fps(), ran.nodes(),
                    ran.runtimeInfo());
            err.println("== " + stream.id() + " (" + stream.source().describe() + ")");
            err.print(summary.format());
            StreamSummary.Row row = group.summary().rows().get(i);
            // The frames written, as in the stream's headline: a frame finished while stopping is not output.
            rows.add(new StreamSummary.Row(row.streamId(), row.source(), frames, row.fps(), row.drops(),
                    row.p50Millis(), row.p95Millis(), row.seconds()));
            ExitCode code = verdictOf(stream.id(), summary, atEnd.get(i), states.get(i).sourceFailure());
            if (verdict == ExitCode.OK) {
                verdict = code;
            }
        }
        err.print(new StreamSummary(rows).format());
        registry.find(ModelNode.ID).filter(ModelRuntimeFactory.class::isInstance).map(ModelRuntimeFactory.class::cast)
                .ifPresent(f -> f.providerReports().forEach(r -> err.println("model node " + r.nodeId() + ": "
                        + r.describe())));
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
        if (interruption.requested()) {
            err.println("stopped by signal (Ctrl-C or SIGTERM)");
            return ExitCode.INTERRUPTED;
        }
        return verdict;
    }

    /** The verdict of one stream, its messages prefixed with the stream's id. */
    private ExitCode verdictOf(String streamId, RunSummary summary, List<NodeMetrics> atEnd, String sourceFailure) {
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        ExitCode code;
        try (PrintStream p = new PrintStream(said, true, StandardCharsets.UTF_8)) {
            code = RunVerdict.of(summary, atEnd, sourceFailure, sourceNodes, p);
        }
        said.toString(StandardCharsets.UTF_8).lines().forEach(l -> err.println(streamId + ": " + l));
        return code;
    }

    /** The stream's instance id in every insight: KAN's instance is one skill on one camera. */
    private static RunIdentity identity(Skill skill, int index) {
        return new RunIdentity(streamId(index), skill.id(), "designer");
    }

    private static String streamId(int index) {
        return StreamGroup.streamId(index);
    }
}
