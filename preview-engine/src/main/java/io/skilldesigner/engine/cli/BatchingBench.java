package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.model.ModelRunner;
import io.skilldesigner.engine.model.ModelSession;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.model.threads.ThreadTuner;

/**
 * {@code bench --streams N} on a model with a dynamic batch dimension: what batching across streams gains, in one
 * run on the same frames and the same measured threads: N streams through one skill with batching, the same N
 * streams with batching turned off (one input per run, streams taking turns), and the raw ONNX Runtime loop over
 * ready {@code [N, ...]} batches (no engine at all).
 */
final class BatchingBench {
    private final PrintStream out;
    private final SessionSettings threads;
    private final ThreadTuner tuner;
    private final boolean gpu;

    BatchingBench(PrintStream out, SessionSettings threads, ThreadTuner tuner, boolean gpu) {
        this.out = out;
        this.threads = threads;
        this.tuner = tuner;
        this.gpu = gpu;
    }

    static void printTable(PrintStream out, int streams, List<String> rows) {
        out.printf(Locale.ROOT, "%nBatching across %d streams (models with a dynamic batch dimension; same frames,"
                + " same threads; the raw loop runs as many callers as the session has stages):%n", streams);
        out.println("| model | threads | raw batch-" + streams + " loop fps | engine batched fps | inputs per run"
                + " | engine unbatched fps | batched/unbatched | batched/raw batch | fairness batched (worst) |");
        out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.forEach(out::println);
    }

    /** The table row, or empty (with a line saying why) when the model's batch dimension is fixed. */
    Optional<String> compare(Path model, List<FrameImage> frames, int rounds, int streams)
            throws OrtException, InterruptedException {
        try (ModelSessions batched = new ModelSessions(threads, tuner, streams,
                ModelSessions.Batching.ALWAYS);
             ModelSessions unbatched = new ModelSessions(threads, tuner, streams,
                     ModelSessions.Batching.OFF)) {
            ModelTask task = BenchCommand.task(unbatched, model, null, gpu);
            ModelLibrary library = ModelLibrary.of(List.of(new ModelDescriptor("bench",
                    model.getFileName().toString(), task, null, FileLocation.local(model.toString()), null, "",
                    List.of(), null, null, "")));
            Skill skill = BenchCommand.benchSkill(task, gpu);
            List<OnnxTensor> inputs = List.of();
            List<OnnxTensor> batches = List.of();
            try (ModelRunner runner = ModelRunner.load(unbatched, ModelSpec.of(model, null).withCuda(gpu))) {
                if (runner.io().inputs().get(0).shape().get(0) > 0) {
                    out.println("batching: " + model.getFileName() + " has a fixed batch dimension; not compared");
                    return Optional.empty();
                }
                ModelSession session = unbatched.open(runner.name(), model, gpu);
                String inputName = runner.io().inputs().get(0).name();
                inputs = BenchCommand.rawInputs(runner, session, frames);
                batches = batchesOf(session, inputs, streams);
                // warm-up of the three paths (arenas for the batch shape, JIT)
                rawBatches(session, inputName, batches, streams);
                BenchCommand.groupRun(batched, library, skill, frames, streams);
                BenchCommand.groupRun(unbatched, library, skill, frames, streams);
                double[] totals = new double[3];
                double fairness = 1;
                List<String> perRun = new ArrayList<>();
                for (int r = 0; r < rounds; r++) {
                    double raw = rawBatches(session, inputName, batches, streams);
                    List<String> figures = new ArrayList<>();
                    StreamSummary on = BenchCommand.groupRun(batched, library, skill, frames, streams, figures);
                    StreamSummary off = BenchCommand.groupRun(unbatched, library, skill, frames, streams);
                    totals[0] += raw;
                    totals[1] += on.aggregateFps();
                    totals[2] += off.aggregateFps();
                    fairness = Math.min(fairness, on.fairness());
                    perRun.addAll(figures);
                    out.printf(Locale.ROOT, "batching round %d: raw batch-%d loop %.2f fps, engine batched %.2f fps"
                            + " (%s), unbatched %.2f fps, batched/unbatched %.3f%n", r + 1, streams, raw,
                            on.aggregateFps(), String.join("; ", figures.stream().distinct().toList()),
                            off.aggregateFps(),
                            on.aggregateFps() / off.aggregateFps());
                }
                return Optional.of(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %s | %.2f | %.3f | %.3f |"
                        + " %.3f |", model.getFileName(), BenchCommand.threads(session), totals[0] / rounds,
                        totals[1] / rounds, averageBatch(perRun), totals[2] / rounds, totals[1] / totals[2],
                        totals[1] / totals[0], fairness));
            } finally {
                inputs.forEach(OnnxTensor::close);
                batches.forEach(OnnxTensor::close);
            }
        }
    }

    /**
     * Inputs per second of the raw loop over ready batches, by as many concurrent callers as the session's stages
     * (the measured best for several streams), each running all batches {@code passes} times.
     */
    private static double rawBatches(ModelSession session, String inputName, List<OnnxTensor> batches, int passes)
            throws InterruptedException {
        List<OnnxTensor> work = new ArrayList<>();
        for (int p = 0; p < passes; p++) {
            work.addAll(batches);
        }
        return BenchCommand.rawParallel(session, inputName, work, session.stages(),
                b -> (int) b.getInfo().getShape()[0]);
    }

    /** Consecutive inputs stacked {@code size} at a time into {@code [size, ...]} tensors (a remainder dropped). */
    private static List<OnnxTensor> batchesOf(ModelSession session, List<OnnxTensor> inputs, int size)
            throws OrtException {
        List<OnnxTensor> out = new ArrayList<>();
        long[] item = inputs.get(0).getInfo().getShape();
        for (int i = 0; i + size <= inputs.size(); i += size) {
            ByteBuffer all = null;
            for (int k = 0; k < size; k++) {
                ByteBuffer one = inputs.get(i + k).getByteBuffer();
                if (all == null) {
                    all = ByteBuffer.allocateDirect(one.remaining() * size).order(ByteOrder.nativeOrder());
                }
                all.put(one);
            }
            all.rewind();
            long[] shape = item.clone();
            shape[0] = size;
            out.add(OnnxTensor.createTensor(session.environment(), all, shape, inputs.get(0).getInfo().type));
        }
        return out;
    }

    /** The streams' "N.NN inputs per run" figures as one mean, or what they say when batching was off. */
    private static String averageBatch(List<String> figures) {
        double sum = 0;
        int n = 0;
        for (String f : figures) {
            if (!f.endsWith("inputs per run across streams")) {
                return f;
            }
            sum += Double.parseDouble(f.substring(0, f.indexOf(' ')));
            n++;
        }
        return n == 0 ? "n/a" : String.format(Locale.ROOT, "%.2f", sum / n);
    }
}
