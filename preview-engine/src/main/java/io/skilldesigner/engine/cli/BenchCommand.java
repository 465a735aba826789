package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.bench.PythonPeer;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.StreamGroup;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelRunner;
import io.skilldesigner.engine.model.ModelSession;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;
import io.skilldesigner.engine.model.Preprocessor;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.model.threads.ThreadConfig;
import io.skilldesigner.engine.model.threads.ThreadTuner;
import io.skilldesigner.engine.source.FrameListSource;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.SourceState;
import io.skilldesigner.engine.source.VideoFileSource;

/**
 * {@code bench}: on the same decoded frames and the same ONNX Runtime session, compares a raw
 * {@code session.run} loop over ready-made input tensors, the model path on one thread ({@code ModelRunner.detect}:
 * pre-processing, inference, decoding) and the engine end to end (source thread → model node:
 * pre-processing, inference, decoding, handoffs), in alternating rounds so background load hits both alike.
 */
final class BenchCommand {
    private static final String DEBIAN_PYTHON = "/usr/bin/python3";
    private final PrintStream out;
    private final PrintStream err;
    /** {@code --gpu}: sessions ask for a GPU (TensorRT, CUDA, then CPU), as a skill with GPU acceleration does. */
    private boolean gpu;
    /** {@code --peer}: the Python loop to compare with, round by round; null without it. */
    private PythonPeer.Setup peer;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("video", "frames", "rounds", "labels", "threads", "streams", "peer",
                "python"), Set.of("tune", "gpu"));
        gpu = args.flag("gpu");
        if (args.positional().isEmpty()) {
            throw new UsageException("bench needs at least one model file");
        }
        int frameCount = args.option("frames") == null ? 40 : args.positiveInt("frames");
        int rounds = args.option("rounds") == null ? 3 : args.positiveInt("rounds");
        int streams = args.option("streams") == null ? 1 : args.positiveInt("streams");
        Path labels = args.option("labels") == null ? null : Path.of(args.option("labels")).toAbsolutePath();
        SessionSettings threads;
        try {
            threads = args.option("threads") == null ? SessionSettings.defaults()
                    : SessionSettings.parse(args.option("threads"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path video = args.option("video") != null ? Path.of(args.option("video"))
                : Path.of(System.getProperty("sd.shared.dir", "../shared"), "media/video/one-by-one-person-detection.mp4");
        List<Path> models = args.positional().stream().map(p -> Path.of(p).toAbsolutePath()).toList();
        if (args.option("peer") != null) {
            Path python = Path.of(args.option("python") != null ? args.option("python")
                    : Files.isExecutable(Path.of(DEBIAN_PYTHON)) ? DEBIAN_PYTHON : "python3");
            Path script = Path.of(args.option("peer")).toAbsolutePath();
            if (!Files.isRegularFile(script)) {
                throw new UsageException("--peer: no such script: " + script
                        + " (the peer is preview-engine/src/bench/python/peer_baseline.py)");
            }
            // the peer's intra-op threads are set per model, from the session's measured configuration
            peer = new PythonPeer.Setup(python, script, video.toAbsolutePath(), frameCount, 0);
        } else if (args.option("python") != null) {
            throw new UsageException("--python goes with --peer");
        }
        for (Path model : models) {
            if (!Files.isRegularFile(model)) {
                err.println("error: model file not found: " + model);
                return ExitCode.MODEL_FAILURE;
            }
        }
        List<FrameImage> frames;
        try {
            frames = decode(video, frameCount);
        } catch (Exception e) {
            err.println("error: " + e.getMessage());
            return ExitCode.SOURCE_FAILURE;
        }
        ThreadTuner tuner = ThreadTuner.standard(w -> err.println("warning: " + w));
        List<String> table = new ArrayList<>();
        List<String> streamTable = new ArrayList<>();
        List<String> batchTable = new ArrayList<>();
        for (Path model : models) {
            try (ModelSessions sessions = new ModelSessions(threads, tuner, 1)) {
                out.println("== " + model.getFileName());
                table.add(compare(sessions, model, models.size() == 1 ? labels : null, frames, rounds,
                        args.flag("tune")));
                if (streams > 1) {
                    try (ModelSessions shared = new ModelSessions(threads, tuner, streams)) {
                        streamTable.add(compareStreams(shared, model, frames, rounds, streams));
                    }
                    new BatchingBench(out, threads, tuner, gpu).compare(model, frames, rounds, streams)
                            .ifPresent(batchTable::add);
                }
            } catch (ModelException | OrtException | IllegalStateException e) {
                err.println("error: " + model.getFileName() + ": " + e.getMessage());
                return ExitCode.MODEL_FAILURE;
            } catch (IOException e) {
                err.println("error: " + model.getFileName() + ": Python peer: " + e.getMessage());
                return ExitCode.OTHER;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ExitCode.OTHER;
            }
        }
        out.printf(Locale.ROOT, "%nOne stream, %d frames %dx%d, %d rounds, side by side (raw = session.run on ready"
                + " inputs, best measured threads, as many callers as the session has stages; model path ="
                + " pre-process, run, decode on as many threads, no engine; engine = source -> model node, end to"
                + " end, as many frames in flight):%n", frames.size(),
                frames.get(0).width(), frames.get(0).height(), rounds);
        out.println("| model | threads | raw fps | model path fps | engine fps | engine/raw (means) | engine/raw (median)"
                + " | engine/model path | pre ms | inference ms | post ms | pre+post of inference |"
                + (peer == null ? "" : " Python peer fps | engine/peer (means) | engine/peer (median) |"));
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
                + (peer == null ? "" : " ---: | ---: | ---: |"));
        table.forEach(out::println);
        if (!streamTable.isEmpty()) {
            out.printf(Locale.ROOT, "%n%d streams of the same frames through one skill, one shared session:%n",
                    streams);
            out.println("| model | threads | raw aggregate fps | engine aggregate fps | engine/raw | fairness"
                    + " (slowest/fastest) | peak RSS 1 stream MB | peak RSS " + streams + " streams MB"
                    + " | MB per extra stream |");
            out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            streamTable.forEach(out::println);
        }
        if (!batchTable.isEmpty()) {
            BatchingBench.printTable(out, streams, batchTable);
        }
        return ExitCode.OK;
    }

    /** One model, one stream: rounds of raw, model path and engine; returns its row of the side-by-side table. */
    private String compare(ModelSessions sessions, Path model, Path labels, List<FrameImage> frames, int rounds,
                           boolean printTuning) throws OrtException, InterruptedException, IOException {
        ModelSpec spec = ModelSpec.of(model, labels).withCuda(gpu);
        ModelLibrary library = ModelLibrary.of(List.of(new ModelDescriptor("bench", model.getFileName().toString(),
                task(sessions, model, labels, gpu), null, FileLocation.local(model.toString()),
                labels == null ? null : FileLocation.local(labels.toString()), "", List.of(), null, null, "")));
        Skill skill = benchSkill(library.find("bench").orElseThrow().task(), gpu);
        double[] totals = new double[3];
        List<Double> ratios = new ArrayList<>();
        List<Double> overheadRatios = new ArrayList<>();
        NodeMetrics last = null;
        List<OnnxTensor> inputs = List.of();
        List<ModelRunner> siblings = new ArrayList<>();
        List<Double> peerRatios = new ArrayList<>();
        double peerTotal = 0;
        PythonPeer python = null;
        try (ModelRunner runner = ModelRunner.load(sessions, spec)) {
            ModelSession session = sessions.open(runner.name(), model, gpu);
            if (peer != null) {
                // the peer waits for each result before the next frame: its best is the best one-at-a-time setting
                int peerThreads = session.tuning().map(t -> t.bestOneAtATime().intraOp())
                        .orElse(session.threads().filter(t -> t.inputsInFlight() == 1).map(ThreadConfig::intraOp)
                                .orElse(0));
                python = PythonPeer.start(new PythonPeer.Setup(peer.python(), peer.script(), peer.video(),
                        frames.size(), peerThreads), model);
                out.println("Python peer: " + python.about());
            }
            if (printTuning) {
                out.print(session.tuning().map(t -> "thread tuning (" + t.key() + "):\n" + t.format())
                        .orElse("thread tuning: not measured, threads given by --threads\n"));
            }
            String inputName = runner.io().inputs().get(0).name();
            inputs = rawInputs(runner, session, frames);
            // as many frames in flight as the engine's model node keeps: raw callers, model path threads
            int callers = sessions.framesInFlight(session);
            for (int i = 1; i < callers; i++) {
                siblings.add(runner.sibling());
            }
            List<ModelRunner> pathRunners = new ArrayList<>(List.of(runner));
            pathRunners.addAll(siblings);
            // Warm-up of all three paths: first runs allocate ONNX Runtime's arenas and JIT-compile the Java side.
            for (int i = 0; i < 3; i++) {
                raw(session.session(), inputName, inputs.get(i % inputs.size()));
                for (ModelRunner each : pathRunners) {
                    modelPath(each, frames.get(i % frames.size()));
                }
            }
            engineRun(sessions, library, skill, frames);
            for (int r = 0; r < rounds; r++) {
                double rawFps = rawParallel(session, inputName, inputs, callers, in -> 1);
                double pathFps = modelPathParallel(pathRunners, frames);
                EngineRound e = engineRun(sessions, library, skill, frames);
                totals[0] += rawFps;
                totals[1] += pathFps;
                totals[2] += e.fps();
                last = e.model();
                ratios.add(e.fps() / rawFps);
                overheadRatios.add(e.fps() / pathFps);
                out.printf(Locale.ROOT, "round %d: raw %.2f fps, model path %.2f fps, engine %.2f fps (wall %.2f);"
                        + " engine/raw %.3f, engine/model path %.3f%n", r + 1, rawFps, pathFps, e.fps(), e.wallFps(),
                        e.fps() / rawFps, e.fps() / pathFps);
                if (python != null) {
                    PythonPeer.Round p = python.round();
                    peerTotal += p.fps();
                    peerRatios.add(e.fps() / p.fps());
                    out.printf(Locale.ROOT, "round %d: Python peer %.2f fps (inference alone %.2f), engine/peer %.3f%n",
                            r + 1, p.fps(), p.inferenceFps(), e.fps() / p.fps());
                }
            }
            out.printf(Locale.ROOT, "model %s, %d frames %dx%d, %d rounds, provider %s, threads %s%n",
                    model.getFileName(), frames.size(), frames.get(0).width(), frames.get(0).height(), rounds,
                    session.provider().describe(), threads(session));
            out.printf(Locale.ROOT, "raw ONNX Runtime loop (%d):  %.2f fps%n", callers, totals[0] / rounds);
            out.printf(Locale.ROOT, "model path loop (%d):       %.2f fps%n", callers, totals[1] / rounds);
            out.printf(Locale.ROOT, "engine end to end:          %.2f fps, model node p50 %.1f ms%n",
                    totals[2] / rounds, last == null ? 0 : last.p50Millis());
            out.printf(Locale.ROOT, "engine/raw:        %.3f of the means, %.3f median of the rounds%n",
                    totals[2] / totals[0], median(ratios));
            out.printf(Locale.ROOT, "engine/model path: %.3f of the means, %.3f median of the rounds%n",
                    totals[2] / totals[1], median(overheadRatios));
            String peerColumns = "";
            if (python != null) {
                out.printf(Locale.ROOT, "engine/Python peer: %.3f of the means, %.3f median of the rounds%n",
                        totals[2] / peerTotal, median(peerRatios));
                peerColumns = String.format(Locale.ROOT, " %.2f | %.3f | %.3f |", peerTotal / rounds,
                        totals[2] / peerTotal, median(peerRatios));
            }
            var t = runner.times();
            double pre = t.preMillis();
            double inf = t.inferenceMillis();
            double post = t.postMillis();
            return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.2f | %.3f | %.3f | %.3f | %.2f | %.2f | %.2f"
                    + " | %.1f %% |", model.getFileName(), threads(session), totals[0] / rounds, totals[1] / rounds,
                    totals[2] / rounds, totals[2] / totals[0], median(ratios), totals[2] / totals[1], pre, inf, post,
                    100 * (pre + post) / inf) + peerColumns;
        } finally {
            inputs.forEach(OnnxTensor::close);
            siblings.forEach(ModelRunner::close);
            if (python != null) {
                python.close();
            }
        }
    }

    /**
     * {@code streams} streams of the same frames through one skill sharing one session, against the raw loop run
     * by as many concurrent callers as the session's stages (the best measured configuration for several
     * streams). Peak RSS (VmHWM, reset through /proc/self/clear_refs) of a 1-stream and an N-stream engine run
     * gives the memory per extra stream (the decoded frames are shared, so decoder buffers are not in it).
     */
    private String compareStreams(ModelSessions sessions, Path model, List<FrameImage> frames, int rounds,
                                  int streams) throws OrtException, InterruptedException {
        ModelLibrary library = ModelLibrary.of(List.of(new ModelDescriptor("bench", model.getFileName().toString(),
                task(sessions, model, null, gpu), null, FileLocation.local(model.toString()), null, "", List.of(), null,
                null, "")));
        Skill skill = benchSkill(library.find("bench").orElseThrow().task(), gpu);
        List<OnnxTensor> inputs = List.of();
        try (ModelRunner runner = ModelRunner.load(sessions, ModelSpec.of(model, null).withCuda(gpu))) {
            ModelSession session = sessions.open(runner.name(), model, gpu);
            String inputName = runner.io().inputs().get(0).name();
            inputs = rawInputs(runner, session, frames);
            groupRun(sessions, library, skill, frames, streams); // warm-up
            double rawTotal = 0;
            double engineTotal = 0;
            double fairness = 1;
            for (int r = 0; r < rounds; r++) {
                double raw = rawParallel(session, inputName, inputs, session.stages());
                StreamSummary sum = groupRun(sessions, library, skill, frames, streams);
                rawTotal += raw;
                engineTotal += sum.aggregateFps();
                fairness = Math.min(fairness, sum.fairness());
                out.printf(Locale.ROOT, "streams round %d: raw %.2f fps (%d callers), engine %.2f fps aggregate,"
                        + " engine/raw %.3f%n%s", r + 1, raw, session.stages(), sum.aggregateFps(),
                        sum.aggregateFps() / raw, sum.format());
            }
            long one = peakRssMb(() -> groupRun(sessions, library, skill, frames, 1));
            long many = peakRssMb(() -> groupRun(sessions, library, skill, frames, streams));
            String perExtra = one < 0 || many < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f",
                    (many - one) / (double) (streams - 1));
            out.printf(Locale.ROOT, "sessions opened for %d streams: %d%n", streams, sessions.openSessions().size());
            return String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.3f | %.3f (worst round) | %s | %s | %s |",
                    model.getFileName(), threads(session), rawTotal / rounds, engineTotal / rounds,
                    engineTotal / rawTotal, fairness, one < 0 ? "n/a" : one, many < 0 ? "n/a" : many, perExtra);
        } finally {
            inputs.forEach(OnnxTensor::close);
        }
    }

    private interface GroupRun {
        StreamSummary run() throws InterruptedException;
    }

    /** Peak resident memory in MB during {@code run} (Linux), or -1 where the kernel does not offer it. */
    private static long peakRssMb(GroupRun run) throws InterruptedException {
        Path clear = Path.of("/proc/self/clear_refs");
        try {
            System.gc();
            Files.writeString(clear, "5"); // resets VmHWM to the current RSS
        } catch (java.io.IOException | SecurityException e) {
            run.run();
            return -1;
        }
        run.run();
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }

    /** {@code callers} threads each running the raw loop over all inputs; inferences per second over all. */
    private static double rawParallel(ModelSession session, String inputName, List<OnnxTensor> inputs, int callers)
            throws InterruptedException {
        List<OnnxTensor> work = new ArrayList<>();
        for (int c = 0; c < callers; c++) {
            work.addAll(inputs);
        }
        return rawParallel(session, inputName, work, callers, in -> 1);
    }

    /**
     * {@code callers} threads sharing the raw loop over {@code inputs} (each input run once by one of them);
     * images per second over all, an input counting {@code images.applyAsInt(input)} (its batch size).
     */
    static double rawParallel(ModelSession session, String inputName, List<OnnxTensor> inputs, int callers,
                              ToIntFunction<OnnxTensor> images) throws InterruptedException {
        long elapsed = sharedOut(callers, inputs.size(), "bench-raw", (caller, i) -> {
            try {
                raw(session.session(), inputName, inputs.get(i));
            } catch (OrtException e) {
                throw new IllegalStateException("raw run failed: " + e.getMessage(), e);
            }
        });
        return inputs.stream().mapToLong(images::applyAsInt).sum() * 1e9 / elapsed;
    }

    /** One item of a shared-out loop, done by thread {@code caller} (0 … threads − 1). */
    @FunctionalInterface
    private interface Item {
        void run(int caller, int index);
    }

    /**
     * {@code threads} threads sharing out items 0 … {@code count} − 1, each item done once by one of them; returns the
     * nanoseconds all took, or throws the first failure.
     */
    private static long sharedOut(int threads, int count, String name, Item item) throws InterruptedException {
        List<Thread> started = new ArrayList<>();
        RuntimeException[] failure = new RuntimeException[1];
        AtomicInteger next = new AtomicInteger();
        long t0 = System.nanoTime();
        for (int c = 0; c < threads; c++) {
            int caller = c;
            Thread t = new Thread(null, () -> {
                try {
                    for (int i; (i = next.getAndIncrement()) < count; ) {
                        item.run(caller, i);
                    }
                } catch (RuntimeException e) {
                    synchronized (failure) {
                        failure[0] = e;
                    }
                }
            }, name + "-" + c, 16L << 20);
            started.add(t);
            t.start();
        }
        for (Thread t : started) {
            t.join();
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw failure[0];
            }
        }
        return System.nanoTime() - t0;
    }

    static StreamSummary groupRun(ModelSessions sessions, ModelLibrary library, Skill skill, List<FrameImage> frames,
                                  int streams) throws InterruptedException {
        return groupRun(sessions, library, skill, frames, streams, new ArrayList<>());
    }

    /** As above; {@code batching} gets each stream's batching figure of the model node (when it batches). */
    static StreamSummary groupRun(ModelSessions sessions, ModelLibrary library, Skill skill, List<FrameImage> frames,
                                  int streams, List<String> batching) throws InterruptedException {
        NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)));
        List<SourceSpec> sources = new ArrayList<>();
        for (int i = 0; i < streams; i++) {
            sources.add(SourceSpec.file("memory-" + (i + 1), false));
        }
        StreamGroup group;
        try {
            group = StreamGroup.build(sources, (i, spec) -> Engine.builder(skill).models(library).registry(registry)
                    .paced(false).lossless(true).sourceFactory((sp, listener) -> new FrameListSource(frames, listener)),
                    (i, id) -> new io.skilldesigner.engine.EngineListener() { });
        } catch (io.skilldesigner.engine.SkillBuildException e) {
            throw new IllegalStateException("benchmark skill rejected: " + e.getMessage(), e);
        }
        try (group) {
            group.start();
            if (!group.awaitCompletion(Duration.ofMinutes(10))) {
                throw new IllegalStateException("stream group did not complete in 10 minutes");
            }
            for (StreamGroup.Stream s : group.streams()) {
                NodeMetrics m = s.engine().metrics("model");
                if (s.engine().state() != RunState.COMPLETED || m.framesOut() != frames.size() || m.errors() > 0) {
                    throw new IllegalStateException(s.id() + " processed " + m.framesOut() + " of " + frames.size()
                            + " frames, " + m.errors() + " errors: " + m.lastError() + s.engine().stateMessage());
                }
            }
            for (StreamGroup.Stream s : group.streams()) {
                String b = s.engine().runtimeInfo().getOrDefault("model", Map.of()).get("batch");
                if (b != null) {
                    batching.add(b);
                }
            }
            return group.summary();
        } catch (io.skilldesigner.engine.NodeStartException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }

    static String threads(ModelSession session) {
        if (session.provider().gpuRequested()) { // where it runs and why, then the CPU threads it would use
            return session.provider().describe() + "; " + cpuThreads(session);
        }
        return cpuThreads(session);
    }

    private static String cpuThreads(ModelSession session) {
        return session.threads().map(c -> c.describe() + (session.tuning().isPresent() ? " (measured)" : " (given)"))
                .orElse("ONNX Runtime default");
    }

    /** The task the model's outputs say (detector or classifier), so the bench skill runs it as such. */
    static ModelTask task(ModelSessions sessions, Path model, Path labels, boolean gpu) {
        try (ModelRunner r = ModelRunner.load(sessions, ModelSpec.of(model, labels).withCuda(gpu))) {
            return r.isClassifier() ? ModelTask.CLASSIFICATION : ModelTask.DETECTION;
        }
    }

    /** Each runner on its own thread, sharing out the frames (each frame once); frames per second over all. */
    private static double modelPathParallel(List<ModelRunner> runners, List<FrameImage> frames)
            throws InterruptedException {
        long elapsed = sharedOut(runners.size(), frames.size(), "bench-path",
                (caller, i) -> modelPath(runners.get(caller), frames.get(i)));
        return frames.size() * 1e9 / elapsed;
    }

    private static void modelPath(ModelRunner runner, FrameImage f) {
        if (runner.isClassifier()) {
            runner.classify(f.mat(), 5);
        } else {
            runner.detect(f.mat());
        }
    }

    private static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    record EngineRound(double fps, double wallFps, NodeMetrics model) {
    }

    private EngineRound engineRun(ModelSessions sessions, ModelLibrary library, Skill skill, List<FrameImage> frames)
            throws InterruptedException {
        NodeRuntimeRegistry registry = new NodeRuntimeRegistry(List.of(new ModelRuntimeFactory(sessions)));
        Engine engine;
        try {
            engine = Engine.builder(skill).models(library).registry(registry).paced(false).lossless(true)
                    .sourceOverride(SourceSpec.file("memory", false))
                    .sourceFactory((spec, listener) -> new FrameListSource(frames, listener)).build();
        } catch (io.skilldesigner.engine.SkillBuildException e) {
            throw new IllegalStateException("benchmark skill rejected: " + e.getMessage(), e);
        }
        try (engine) {
            long t0 = System.nanoTime();
            engine.start();
            if (!engine.awaitCompletion(Duration.ofMinutes(10)) || engine.state() != RunState.COMPLETED) {
                throw new IllegalStateException("engine run did not complete: " + engine.stateMessage());
            }
            double wall = frames.size() * 1e9 / (System.nanoTime() - t0);
            NodeMetrics m = engine.metrics("model");
            if (m.framesOut() != frames.size() || m.errors() > 0) {
                throw new IllegalStateException("engine processed " + m.framesOut() + " of " + frames.size()
                        + " frames, " + m.errors() + " errors: " + m.lastError());
            }
            return new EngineRound(engine.summary().fps(), wall, m);
        } catch (io.skilldesigner.engine.NodeStartException e) {
            throw new ModelException(e.getMessage(), e);
        }
    }

    static Skill benchSkill(ModelTask task, boolean gpu) {
        Map<String, Object> model = task == ModelTask.CLASSIFICATION
                ? Map.of(ModelNode.MODEL, "bench", ModelNode.TASK, ModelNode.CLASSIFICATION, ModelNode.CLASSIFY_ON,
                        ModelNode.ON_FRAME)
                : Map.of(ModelNode.MODEL, "bench", ModelNode.TASK, ModelNode.DETECTION);
        Skill s = Skill.empty("bench", "Benchmark");
        if (gpu) {
            s = s.withBasics(new SkillBasics(s.basics().desiredFps(), Acceleration.NVIDIA_DGPU));
        }
        return s.withNodes(List.of(
                new SkillNode("camera", CameraInputNode.ID, "Camera", Map.of(CameraInputNode.SOURCE_KIND,
                        CameraInputNode.FILE, CameraInputNode.FILE_PATH_KEY, "memory"), null),
                new SkillNode("model", ModelNode.ID, "Model", model, null)))
                .withEdges(List.of(SkillEdge.of("camera", "f", "model", "f")));
    }

    private static List<FrameImage> decode(Path video, int count) throws Exception {
        List<FrameImage> frames = new ArrayList<>();
        try (VideoFileSource source = new VideoFileSource(SourceSpec.file(video.toString(), true),
                (s, m) -> { })) {
            source.open();
            while (frames.size() < count) {
                FrameImage f = source.read();
                if (f == null) {
                    throw new IllegalStateException("no frames in " + video);
                }
                frames.add(f);
            }
        }
        return frames;
    }

    private static void raw(OrtSession s, String input, OnnxTensor tensor) throws OrtException {
        try (OrtSession.Result r = s.run(Map.of(input, tensor))) {
            if (r.size() == 0) {
                throw new IllegalStateException("no outputs");
            }
        }
    }

    /** One ready-made input tensor per frame, pre-processed as the model node does (not timed). */
    static List<OnnxTensor> rawInputs(ModelRunner runner, ModelSession session, List<FrameImage> frames)
            throws OrtException {
        List<OnnxTensor> out = new ArrayList<>();
        // The model's own input type (float16 and uint8 models too), as the engine feeds it.
        Preprocessor.ElementType type = Preprocessor.ElementType.of(runner.io().inputs().get(0).elementType());
        try (Preprocessor pre = new Preprocessor(runner.settings(), type, session.environment())) {
            for (FrameImage f : frames) {
                pre.prepare(f.mat());
                ByteBuffer src = pre.tensor().getByteBuffer();
                ByteBuffer copy = ByteBuffer.allocateDirect(src.remaining()).order(ByteOrder.nativeOrder());
                copy.put(src).rewind();
                out.add(OnnxTensor.createTensor(session.environment(), copy, pre.tensor().getInfo().getShape(),
                        pre.tensor().getInfo().type));
            }
        }
        return out;
    }
}
