package io.skilldesigner.engine.cli;

import java.io.BufferedWriter;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.ModelNode;
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
import io.skilldesigner.engine.export.EdgeModuleConnection;
import io.skilldesigner.engine.export.ModuleEnvironment;
import io.skilldesigner.engine.export.TwinSkill;

/**
 * {@code run}: runs a skill, one JSON line of insights per output frame, a summary at the end. With
 * {@code SD_SKILL_SOURCE=twin} (device mode) the skill comes from the module twin and is replaced live.
 */
final class RunCommand {
    private final PrintStream out;
    private final PrintStream err;
    /** How often a run from the module twin looks for a new skill there. */
    private static final long TWIN_POLL_MILLIS = 500;
    private SessionSettings threads = SessionSettings.defaults();

    RunCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("workspace", "frames", "out", "fps", "rtsp-transport",
                "give-up-after", "threads", "skill-source"), Set.of("source"),
                Set.of("no-pacing", "edge", "no-tensorrt"));
        boolean fromTwin = TwinSkillSource.requested(args.option("skill-source"),
                System.getenv(TwinSkillSource.VARIABLE));
        if (args.positional().size() != 1 && !(fromTwin && args.positional().isEmpty())) {
            throw new UsageException("run needs exactly one skill file");
        }
        Path skillFile = args.positional().isEmpty() ? null : Path.of(args.positional().get(0));
        if (skillFile == null && args.option("workspace") == null) {
            throw new UsageException("run with the skill from the module twin needs --workspace (the package folder)");
        }
        int maxFrames = args.option("frames") == null ? 0 : args.positiveInt("frames");
        List<SourceSpec> sources = SourceOptions.sources(args);
        Integer fps = args.option("fps") == null ? null : args.positiveInt("fps");
        try {
            threads = (args.option("threads") == null ? SessionSettings.defaults()
                    : SessionSettings.parse(args.option("threads"))).withTensorRt(!args.flag("no-tensorrt"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path workspace = args.option("workspace") != null ? Path.of(args.option("workspace"))
                : SourceOptions.workspaceOf(skillFile);
        if (fromTwin && sources.size() > 1) {
            throw new UsageException("the skill from the module twin runs on one source: give --source once");
        }
        boolean edge = DeviceMode.detect(args.flag("edge"), ModuleEnvironment.system(), err);
        if (fromTwin && !edge) {
            throw new UsageException(TwinSkillSource.VARIABLE + "=twin needs device mode: run it as an IoT Edge"
                    + " module (IOTEDGE_* or a module connection string) with --edge");
        }

        NodeCatalog catalog = NodeCatalog.standard();
        Skill skill = null;
        ModelLibrary models;
        if (fromTwin) {
            if (skillFile != null) {
                err.println("skill: from the module twin (" + TwinSkillSource.VARIABLE + "=twin); " + skillFile
                        + " is not read");
            }
        } else {
            skill = SkillFileReader.read(skillFile, catalog, err);
            if (skill == null) {
                return ExitCode.BAD_SKILL;
            }
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
        Interruption interruption = new Interruption();
        RunOptions options = new RunOptions(models, workspace, sources, maxFrames, !args.flag("no-pacing"), edge,
                fps);
        try (Writer sink = openOutput(args.option("out"))) {
            return fromTwin ? runFromTwin(catalog, options, sink, interruption)
                    : run(options.adjust(skill), options, sink, interruption);
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

    /** What every run of the command shares (a skill from the twin may be replaced several times). */
    private record RunOptions(ModelLibrary models, Path workspace, List<SourceSpec> sources, int maxFrames,
                              boolean paced, boolean edge, Integer fps) {
        Skill adjust(Skill skill) {
            return fps == null ? skill : skill.withBasics(skill.basics().withDesiredFps(fps));
        }

        SourceSpec source() {
            return sources.isEmpty() ? null : sources.get(0);
        }
    }

    /** How one engine run ended: its exit code, or the skill that replaces it. */
    private record Outcome(ExitCode code, Skill next) {
    }

    /**
     * Our own model sessions and registry, so the summary can ask the model factory which provider each model runs
     * on. Threads: --threads, else measured at session start (cached per model and machine in the user's cache
     * folder); a GPU request tries TensorRT first unless --no-tensorrt. Several sources share it, hence one session
     * per model for all streams.
     */
    private ModelSessions sessions(int streams) {
        return new ModelSessions(threads, ThreadTuner.standard(w -> err.println("warning: " + w)),
                Math.max(1, streams));
    }

    private ExitCode run(Skill skill, RunOptions o, Writer sink, Interruption interruption) throws IOException {
        try (ModelSessions sessions = sessions(o.sources().size());
             NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard(new ModelRuntimeFactory(sessions))) {
            if (o.sources().size() > 1) {
                return new MultiSourceRun(err, registry, sourceNodes(skill)).run(skill, o.models(), o.workspace(),
                        o.sources(), o.maxFrames(), o.paced(), o.edge(), sink, interruption);
            }
            return run(skill, o, sink, registry, interruption, SkillUpdates.NONE).code();
        }
    }

    /**
     * {@code SD_SKILL_SOURCE=twin}: one module client for the twin and the IoT exports; the skill runs until it
     * ends or the twin offers a valid new one, which then runs in its place (same process, same output).
     */
    private ExitCode runFromTwin(NodeCatalog catalog, RunOptions o, Writer sink, Interruption interruption)
            throws IOException {
        EdgeModuleConnection edge = new EdgeModuleConnection();
        try (ModelSessions sessions = sessions(1);
             NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard(new ModelRuntimeFactory(sessions), edge)) {
            TwinSkillSource twin;
            try {
                twin = TwinSkillSource.open(edge, err);
            } catch (EdgeModuleConnection.EdgeHubException | IllegalStateException e) {
                err.println("error: " + e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
                return ExitCode.OTHER;
            }
            try (twin) {
                TwinSkillUpdates updates = new TwinSkillUpdates(twin, catalog, o.models(), err);
                Skill skill;
                try {
                    skill = updates.first();
                } catch (TwinSkill.InvalidTwinSkillException e) {
                    err.println("error: " + e.getMessage());
                    return ExitCode.BAD_SKILL;
                }
                while (true) {
                    updates.started();
                    Outcome outcome = run(o.adjust(skill), o, sink, registry, interruption, updates);
                    if (outcome.next() == null || interruption.requested()) {
                        return outcome.code();
                    }
                    skill = outcome.next();
                }
            }
        }
    }

    private static Set<String> sourceNodes(Skill skill) {
        return skill.nodes().stream()
                .filter(n -> NodeCatalog.standard().find(n.typeId()).map(t -> t.isSource()).orElse(false))
                .map(n -> n.id()).collect(Collectors.toSet());
    }

    private Outcome run(Skill skill, RunOptions o, Writer sink, NodeRuntimeRegistry registry,
                        Interruption interruption, SkillUpdates updates) throws IOException {
        RunIdentity identity = RunIdentity.preview(skill.id());
        InsightsJson insights = new InsightsJson(identity);
        AtomicReference<IOException> writeFailure = new AtomicReference<>();
        StreamListener listener = new StreamListener(insights, sink, o.maxFrames(), writeFailure, () -> { }, err, "");
        Set<String> sourceNodes = sourceNodes(skill);
        Engine engine;
        try {
            engine = Engine.builder(skill).registry(registry).models(o.models()).workspace(o.workspace())
                    .identity(identity).sourceOverride(o.source()).listener(listener).paced(o.paced())
                    .lossless(!o.paced()).edge(o.edge())
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
            return new Outcome(ExitCode.BAD_SKILL, null);
        }
        engine.warnings().forEach(p -> err.println("warning: " + p));
        Thread hook = interruption.hook(engine::stop);
        Runtime.getRuntime().addShutdownHook(hook);
        List<NodeMetrics> atEnd;
        Skill next = null;
        try {
            engine.start();
            if (updates == SkillUpdates.NONE) {
                listener.done().await();
            } else {
                // A skill from the twin: look for a new one there while this one runs.
                while (next == null && !listener.done().await(TWIN_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    next = updates.take();
                }
            }
        } catch (NodeStartException e) {
            err.println("error: " + e.getMessage());
            return new Outcome(ModelNode.ID.equals(e.typeId()) ? ExitCode.MODEL_FAILURE : ExitCode.OTHER, null);
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
            err.println("stopped by signal (Ctrl-C or SIGTERM): " + frames + " frame(s) written");
            return new Outcome(ExitCode.INTERRUPTED, null);
        }
        if (next != null) {
            err.println("skill " + skill.id() + " stopped for the module twin's new skill after " + frames
                    + " frame(s)");
            return new Outcome(ExitCode.OK, next);
        }
        return new Outcome(RunVerdict.of(summary, atEnd, listener.sourceFailure(), sourceNodes, err), null);
    }

    static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down (Ctrl-C): the hook is running and that is fine.
        }
    }
}
