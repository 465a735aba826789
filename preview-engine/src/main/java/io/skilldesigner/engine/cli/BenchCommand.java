package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
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
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelRunner;
import io.skilldesigner.engine.model.ModelSession;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;
import io.skilldesigner.engine.model.Preprocessor;
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
    private final PrintStream out;
    private final PrintStream err;

    BenchCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("video", "frames", "rounds", "labels"), Set.of());
        if (args.positional().size() != 1) {
            throw new UsageException("bench needs exactly one model file");
        }
        Path model = Path.of(args.positional().get(0)).toAbsolutePath();
        int frameCount = args.option("frames") == null ? 40 : args.positiveInt("frames");
        int rounds = args.option("rounds") == null ? 3 : args.positiveInt("rounds");
        Path labels = args.option("labels") == null ? null : Path.of(args.option("labels")).toAbsolutePath();
        Path video = args.option("video") != null ? Path.of(args.option("video"))
                : Path.of(System.getProperty("sd.shared.dir", "../shared"), "media/video/one-by-one-person-detection.mp4");
        if (!Files.isRegularFile(model)) {
            err.println("error: model file not found: " + model);
            return ExitCode.MODEL_FAILURE;
        }
        List<FrameImage> frames;
        try {
            frames = decode(video, frameCount);
        } catch (Exception e) {
            err.println("error: " + e.getMessage());
            return ExitCode.SOURCE_FAILURE;
        }
        try (ModelSessions sessions = new ModelSessions()) {
            return compare(sessions, model, labels, frames, rounds);
        } catch (ModelException | OrtException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.MODEL_FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.OTHER;
        }
    }

    private ExitCode compare(ModelSessions sessions, Path model, Path labels, List<FrameImage> frames, int rounds)
            throws OrtException, InterruptedException {
        ModelSpec spec = ModelSpec.of(model, labels);
        ModelLibrary library = ModelLibrary.of(List.of(new ModelDescriptor("bench", model.getFileName().toString(),
                ModelTask.DETECTION, null, FileLocation.local(model.toString()),
                labels == null ? null : FileLocation.local(labels.toString()), "", List.of(), null, null, "")));
        Skill skill = benchSkill();
        double[] totals = new double[3];
        List<Double> ratios = new ArrayList<>();
        List<Double> overheadRatios = new ArrayList<>();
        NodeMetrics last = null;
        List<OnnxTensor> inputs = List.of();
        try (ModelRunner runner = ModelRunner.load(sessions, spec)) {
            ModelSession session = sessions.open(runner.name(), model, false);
            String inputName = runner.io().inputs().get(0).name();
            inputs = rawInputs(runner, session, frames);
            // Warm-up of all three paths: first runs allocate ONNX Runtime's arenas and JIT-compile the Java side.
            for (int i = 0; i < 3; i++) {
                raw(session.session(), inputName, inputs.get(i % inputs.size()));
                runner.detect(frames.get(i % frames.size()).mat());
            }
            engineRun(sessions, library, skill, frames);
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                for (OnnxTensor t : inputs) {
                    raw(session.session(), inputName, t);
                }
                long t1 = System.nanoTime();
                for (FrameImage f : frames) {
                    runner.detect(f.mat());
                }
                long t2 = System.nanoTime();
                double rawFps = inputs.size() * 1e9 / (t1 - t0);
                double pathFps = frames.size() * 1e9 / (t2 - t1);
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
            }
            out.printf(Locale.ROOT, "model %s, %d frames %dx%d, %d rounds, provider %s%n", model.getFileName(),
                    frames.size(), frames.get(0).width(), frames.get(0).height(), rounds,
                    session.provider().describe());
        } finally {
            inputs.forEach(OnnxTensor::close);
        }
        out.printf(Locale.ROOT, "raw ONNX Runtime loop:      %.2f fps%n", totals[0] / rounds);
        out.printf(Locale.ROOT, "model path loop (1 thread): %.2f fps%n", totals[1] / rounds);
        out.printf(Locale.ROOT, "engine end to end:          %.2f fps, model node p50 %.1f ms%n", totals[2] / rounds,
                last == null ? 0 : last.p50Millis());
        out.printf(Locale.ROOT, "engine/raw:        %.3f of the means, %.3f median of the rounds%n",
                totals[2] / totals[0], median(ratios));
        out.printf(Locale.ROOT, "engine/model path: %.3f of the means, %.3f median of the rounds%n",
                totals[2] / totals[1], median(overheadRatios));
        return ExitCode.OK;
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

    private static Skill benchSkill() {
        Skill s = Skill.empty("bench", "Benchmark");
        return s.withNodes(List.of(
                new SkillNode("camera", CameraInputNode.ID, "Camera", Map.of(CameraInputNode.SOURCE_KIND,
                        CameraInputNode.FILE, CameraInputNode.FILE_PATH_KEY, "memory"), null),
                new SkillNode("model", ModelNode.ID, "Model", Map.of(ModelNode.MODEL, "bench",
                        ModelNode.TASK, ModelNode.DETECTION), null)))
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
    private static List<OnnxTensor> rawInputs(ModelRunner runner, ModelSession session, List<FrameImage> frames)
            throws OrtException {
        List<OnnxTensor> out = new ArrayList<>();
        try (Preprocessor pre = new Preprocessor(runner.settings(), Preprocessor.ElementType.FLOAT,
                session.environment())) {
            for (FrameImage f : frames) {
                pre.prepare(f.mat());
                FloatBuffer src = pre.tensor().getFloatBuffer();
                FloatBuffer copy = ByteBuffer.allocateDirect(src.remaining() * 4).order(ByteOrder.nativeOrder())
                        .asFloatBuffer();
                copy.put(src).rewind();
                out.add(OnnxTensor.createTensor(session.environment(), copy, pre.tensor().getInfo().getShape()));
            }
        }
        return out;
    }
}
