package io.skilldesigner.engine.cli;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Listing;
import io.skilldesigner.core.workspace.ModelFiles;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.SkillBuildException;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.metrics.RunSummary;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.model.threads.ThreadTuner;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.export.ModuleEnvironment;

/** {@code run}: runs a skill, one JSON line of insights per output frame, a summary at the end. */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;
    private SessionSettings threads = SessionSettings.defaults();

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("workspace", "frames", "out", "fps", "rtsp-transport",
                "give-up-after", "threads"), Set.of("source"), Set.of("no-pacing", "edge"));
        if (args.positional().size() != 1) {
            throw new UsageException("run needs exactly one skill file");
        }
        Path skillFile = Path.of(args.positional().get(0));
        int maxFrames = args.option("frames") == null ? 0 : args.positiveInt("frames");
        List<SourceSpec> sources = SourceOptions.sources(args);
        Integer fps = args.option("fps") == null ? null : args.positiveInt("fps");
        try {
            threads = args.option("threads") == null ? SessionSettings.defaults()
                    : SessionSettings.parse(args.option("threads"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path workspace = args.option("workspace") != null ? Path.of(args.option("workspace"))
                : SourceOptions.workspaceOf(skillFile);

        NodeCatalog catalog = NodeCatalog.standard();
        Skill skill;
        ModelLibrary models;
        try {
            skill = new SkillJson(catalog).read(skillFile);
        } catch (NoSuchFileException e) {
            err.println("error: skill file not found: " + skillFile);
            return ExitCode.BAD_SKILL;
        } catch (IOException e) {
            err.println("error: cannot read skill " + skillFile + ": " + e.getMessage());
            return ExitCode.BAD_SKILL;
        }
        try {
            Listing<ModelDescriptor> found = ModelFiles.load(workspace);
            // A broken model file must not block skills that don't use it: report it, run with the rest.
            found.errors().forEach(e -> err.println("warning: model file skipped: " + e.file() + ": " + e.message()));
            models = ModelLibrary.of(found.items());
        } catch (IOException e) {
            err.println("error: cannot read the models of workspace " + workspace + ": " + e.getMessage());
            return ExitCode.MODEL_FAILURE;
        }
        if (fps != null) {
            skill = skill.withBasics(skill.basics().withDesiredFps(fps));
        }
        Interruption interruption = new Interruption();
        try (Writer sink = openOutput(args.option("out"))) {
            return run(skill, models, workspace, sources, maxFrames, !args.flag("no-pacing"),
                    DeviceMode.detect(args.flag("edge"), ModuleEnvironment.system(), err), sink, interruption);
        } catch (IOException e) {
            err.println("error: cannot write insights to " + args.option("out") + ": " + e.getMessage());
            return ExitCode.OTHER;
        } finally {
            // Files are complete and closed: a Ctrl-C hook waiting for this may now let the JVM exit.
            interruption.finished();
        }
    }

    private Writer openOutput(String path) throws IOException {
        if (path == null) {
            // Not closing stdout: wrap it so close() only flushes.
            return new OutputStreamWriter(out, StandardCharsets.UTF_8) {
                @Override
                public void close() throws IOException {
                    flush();
                }
            };
        }
        Path p = Path.of(path);
        if (p.toAbsolutePath().getParent() != null) {
            Files.createDirectories(p.toAbsolutePath().getParent());
        }
        // A FileOutputStream, not Files.newOutputStream: stopping interrupts the node thread that writes, and an
        // interrupted FileChannel closes itself, which would cut the file mid-line.
        return new BufferedWriter(new OutputStreamWriter(new FileOutputStream(p.toFile()), StandardCharsets.UTF_8));
    }

    private ExitCode run(Skill skill, ModelLibrary models, Path workspace, List<SourceSpec> sources, int maxFrames,
                         boolean paced, boolean edge, Writer sink, Interruption interruption) throws IOException {
        // Our own registry, so the summary can ask the model factory which provider each model runs on. Threads:
        // --threads, else measured at session start (cached per model and machine in the user's cache folder).
        // Several sources share it, hence one session per model for all streams.
        try (ModelSessions sessions = new ModelSessions(threads, ThreadTuner.standard(w -> err.println("warning: "
                + w)), Math.max(1, sources.size()));
             NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard(new ModelRuntimeFactory(sessions))) {
            if (sources.size() > 1) {
                return new MultiSourceRun(err, registry, sourceNodes(skill)).run(skill, models, workspace, sources,
                        maxFrames, paced, edge, sink, interruption);
            }
            return run(skill, models, workspace, sources.isEmpty() ? null : sources.get(0), maxFrames, paced, edge,
                    sink, registry, interruption);
        }
    }

    private static Set<String> sourceNodes(Skill skill) {
        return skill.nodes().stream()
                .filter(n -> NodeCatalog.standard().find(n.typeId()).map(t -> t.isSource()).orElse(false))
                .map(n -> n.id()).collect(Collectors.toSet());
    }

    private ExitCode run(Skill skill, ModelLibrary models, Path workspace, SourceSpec source, int maxFrames,
                         boolean paced, boolean edge, Writer sink, NodeRuntimeRegistry registry,
                         Interruption interruption)
            throws IOException {
        RunIdentity identity = RunIdentity.preview(skill.id());
        InsightsJson insights = new InsightsJson(identity);
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        StreamListener listener = new StreamListener(insights, sink, maxFrames, writeFailure, () -> { }, err, "");
        Set<String> sourceNodes = sourceNodes(skill);
        Engine engine;
        try {
            engine = Engine.builder(skill).registry(registry).models(models).workspace(workspace).identity(identity)
                    .sourceOverride(source).listener(listener).paced(paced).lossless(!paced).edge(edge)
                    .nodeStatus((id, s, m) -> {
                        // A source's badge mirrors its source state, which is printed above: not twice.
                        if (!sourceNodes.contains(id)) {
                            err.println("node " + id + ": " + s + (m.isEmpty() ? "" : " " + m));
                        }
                    })
                    .build();
        } catch (SkillBuildException e) {
            err.println("error: the skill cannot run:");
            e.problems().forEach(p -> err.println("  " + p));
            return ExitCode.BAD_SKILL;
        }
        engine.warnings().forEach(p -> err.println("warning: " + p));
        Thread hook = interruption.hook(engine::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        List<NodeMetrics> atEnd;
        try {
            engine.start();
            listener.done().await();
        } catch (NodeStartException e) {
            err.println("error: " + e.getMessage());
            return ModelNode.ID.equals(e.typeId()) ? ExitCode.MODEL_FAILURE : ExitCode.OTHER;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            // How each node stood when the run ended, before stopping marks them all STOPPED.
            atEnd = engine.metrics();
            engine.stop();
            removeHook(hook);
        }
        sink.flush();
        RunSummary ran = engine.summary();
        long frames = listener.written();
        // The headline counts the frames written: a frame the engine finished while stopping is not output.
        RunSummary summary = new RunSummary(ran.skillId(), ran.seconds(), frames, ran.fps(), ran.nodes(),
                ran.runtimeInfo());
        err.print(summary.format());
        registry.find(ModelNode.ID).filter(ModelRuntimeFactory.class::isInstance).map(ModelRuntimeFactory.class::cast)
                .ifPresent(f -> f.providerReports().forEach(r -> err.println("model node " + r.nodeId() + ": "
                        + r.describe())));
        if (writeFailure.get() != null) {
            throw writeFailure.get();
        }
        if (interruption.requested()) {
            err.println("stopped by signal (Ctrl-C): " + frames + " frame(s) written");
            return ExitCode.INTERRUPTED;
        }
        return RunVerdict.of(summary, atEnd, listener.sourceFailure(), sourceNodes, err);
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and that is fine.
        }
    }
}
