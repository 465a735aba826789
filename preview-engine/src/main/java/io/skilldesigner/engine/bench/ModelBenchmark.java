package io.skilldesigner.engine.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.opencv.opencv_core.Mat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.engine.model.ModelRunner;
import io.skilldesigner.engine.model.ModelSession;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;
import io.skilldesigner.engine.model.Preprocessor;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.model.StageTimes;

/**
 * Compares raw ONNX Runtime ({@code session.run} on ready-made input tensors, in a loop) with the full model
 * path of the preview engine (OpenCV pre-processing + run + decode + mapping boxes back) on the same frames and
 * the same session. Not a test: run it by hand, e.g.
 * <pre>
 * mvn -q -pl preview-engine exec:java -Dexec.mainClass=io.skilldesigner.engine.bench.ModelBenchmark \
 *     -Dexec.classpathScope=test -Dexec.args="--runs 100"
 * </pre>
 * Options: {@code --model FILE} (default: the generated 640x640 YOLOv5-shaped bench_yolo640.onnx),
 * {@code --video FILE} (default ../shared/media/video/one-by-one-person-detection.mp4, else generated frames),
 * {@code --runs N}, {@code --warmup N}, {@code --intra N} / {@code --inter N} (ONNX Runtime threads, 0 = default).
 */
public final class ModelBenchmark {
    /** What one benchmark measured; times are per frame. */
    public record Result(String model, String frames, int runs, int intraThreads, double rawMillis,
                         double fullMillis, double preMillis, double inferenceMillis, double postMillis) {
        public double rawFps() {
            return 1000 / rawMillis;
        }

        public double fullFps() {
            return 1000 / fullMillis;
        }

        /** Full-path throughput as a fraction of raw throughput. */
        public double ratio() {
            return rawMillis / fullMillis;
        }

        public double prePostPercentOfInference() {
            return 100 * (preMillis + postMillis) / inferenceMillis;
        }

        public String report() {
            return String.format(Locale.ROOT, """
                    model %s, frames %s, %d runs each, intra-op threads %s, %d cores
                    raw session.run      : %7.2f ms/frame  %6.1f fps
                    full model path      : %7.2f ms/frame  %6.1f fps  (pre %.2f ms, inference %.2f ms, post %.2f ms)
                    full/raw throughput  : %.3f
                    pre+post of inference: %.1f %%
                    """, model, frames, runs, intraThreads == 0 ? "default" : Integer.toString(intraThreads),
                    Runtime.getRuntime().availableProcessors(), rawMillis, rawFps(), fullMillis, fullFps(), preMillis,
                    inferenceMillis, postMillis, ratio(), prePostPercentOfInference());
        }
    }

    private ModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path model = firstExisting("preview-engine/src/test/resources/models/bench_yolo640.onnx",
                "src/test/resources/models/bench_yolo640.onnx");
        Path video = firstExisting("../shared/media/video/one-by-one-person-detection.mp4",
                "../../shared/media/video/one-by-one-person-detection.mp4");
        int runs = 100;
        int warmup = 10;
        int intra = 0;
        int inter = 0;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--model" -> model = Path.of(args[i + 1]);
                case "--video" -> video = Path.of(args[i + 1]);
                case "--runs" -> runs = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--intra" -> intra = Integer.parseInt(args[i + 1]);
                case "--inter" -> inter = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (model == null) {
            throw new IllegalArgumentException("bench_yolo640.onnx not found; pass --model FILE");
        }
        BenchmarkFrames frames = BenchmarkFrames.load(video, 20);
        System.out.print(run(model, frames, runs, warmup, new SessionSettings(intra, inter)).report());
    }

    private static Path firstExisting(String... candidates) {
        for (String c : candidates) {
            Path p = Path.of(c);
            if (Files.exists(p)) {
                return p;
            }
        }
        return null;
    }

    /**
     * Runs raw and full path alternately in 5 rounds (so load from other processes hits both alike) after
     * warm-up, and returns the per-frame averages.
     */
    public static Result run(Path model, BenchmarkFrames frames, int runs, int warmup, SessionSettings threads)
            throws OrtException {
        try (ModelSessions sessions = new ModelSessions(threads);
             ModelRunner runner = ModelRunner.load(sessions, ModelSpec.of(model, null))) {
            ModelSession session = sessions.open(runner.name(), model, false);
            List<OnnxTensor> inputs = rawInputs(runner, session, frames.frames());
            String inputName = runner.io().inputs().get(0).name();
            try {
                for (int i = 0; i < warmup; i++) {
                    raw(session.session(), inputName, inputs, i);
                    runner.detect(frames.frames().get(i % frames.frames().size()));
                }
                runner.times().reset();
                long rawNanos = 0;
                long fullNanos = 0;
                int rounds = 5;
                int perRound = Math.max(1, runs / rounds);
                int done = 0;
                for (int r = 0; r < rounds; r++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < perRound; i++) {
                        raw(session.session(), inputName, inputs, done + i);
                    }
                    long t1 = System.nanoTime();
                    for (int i = 0; i < perRound; i++) {
                        runner.detect(frames.frames().get((done + i) % frames.frames().size()));
                    }
                    long t2 = System.nanoTime();
                    rawNanos += t1 - t0;
                    fullNanos += t2 - t1;
                    done += perRound;
                }
                StageTimes st = runner.times();
                return new Result(model.getFileName().toString(), frames.source(), done, threads.intraOpThreads(),
                        rawNanos / 1e6 / done, fullNanos / 1e6 / done, st.preMillis(), st.inferenceMillis(),
                        st.postMillis());
            } finally {
                inputs.forEach(OnnxTensor::close);
            }
        }
    }

    private static void raw(OrtSession s, String input, List<OnnxTensor> tensors, int i) throws OrtException {
        try (OrtSession.Result r = s.run(Map.of(input, tensors.get(i % tensors.size())))) {
            if (r.size() == 0) {
                throw new IllegalStateException("no outputs");
            }
        }
    }

    /** One ready-made float input tensor per frame, pre-processed like the full path does (not timed). */
    private static List<OnnxTensor> rawInputs(ModelRunner runner, ModelSession session, List<Mat> frames)
            throws OrtException {
        List<OnnxTensor> out = new ArrayList<>();
        try (Preprocessor pre = new Preprocessor(runner.settings(), Preprocessor.ElementType.FLOAT,
                session.environment())) {
            for (Mat f : frames) {
                pre.prepare(f);
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
