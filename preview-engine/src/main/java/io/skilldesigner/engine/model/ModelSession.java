package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.engine.model.threads.ThreadConfig;
import io.skilldesigner.engine.model.threads.ThreadTuning;
import io.skilldesigner.core.model.ModelIo;

/**
 * An open ONNX Runtime session for one model file, shared by every node that runs the file. Owned (and closed)
 * by the {@link ModelSessions} cache that opened it. {@link OrtSession#run} is thread-safe, so nodes on
 * different threads may share it.
 */
public final class ModelSession implements AutoCloseable {
    private final Path file;
    private final String sha256;
    private final OrtSession session;
    private final ProviderChoice provider;
    /** The inspection verdict (probe runs included), computed once per session. */
    private ModelIo inspected;

    /** The thread counts it was opened with; null for ONNX Runtime's defaults. */
    private final ThreadConfig threads;
    /** The measured table the counts were chosen from; null when given or defaulted. */
    private final ThreadTuning tuning;
    /**
     * Fair (FIFO) gate: at most {@code stages} inferences at once, so streams sharing the session take turns. Single
     * inputs pass it on the {@link #pool}'s threads (a turn nearly always free there); batched runs wait at it.
     */
    private final Semaphore stages;
    /** Where single inputs run, first come first served across streams. */
    private final InferencePool pool;
    private final int stageCount;
    /** Most inputs one run may batch (the streams sharing this session); 1 turns batching off. */
    private final int maxBatch;
    private final Map<String, BatchedRuns> batched = new HashMap<>();
    private final String batchingOff;

    ModelSession(Path file, String sha256, OrtSession session, ProviderChoice provider) {
        this(file, sha256, session, provider, null, null, Runtime.getRuntime().availableProcessors(), 1, null);
    }

    ModelSession(Path file, String sha256, OrtSession session, ProviderChoice provider, ThreadConfig threads,
                 ThreadTuning tuning, int stages, int maxBatch, String batchingOff) {
        this.batchingOff = batchingOff;
        this.file = file;
        this.sha256 = sha256;
        this.session = Objects.requireNonNull(session, "session");
        this.provider = provider;
        this.threads = threads;
        this.tuning = tuning;
        this.stageCount = stages;
        this.stages = new Semaphore(stages, true);
        this.pool = new InferencePool(file.getFileName().toString(), stages);
        this.maxBatch = Math.max(1, maxBatch);
    }

    /** Why several streams' inputs are not batched on this session (measured slower), or null. */
    public String batchingOff() {
        return batchingOff;
    }

    /** Most inputs one run may batch across the streams sharing this session (1: no batching). */
    public int maxBatch() {
        return maxBatch;
    }

    /**
     * The batcher for one input name, item shape (batch dimension excluded) and set of outputs read, shared by the
     * session's users.
     */
    synchronized BatchedRuns batchedRuns(String inputName, long[] itemShape, java.util.Set<String> outputs) {
        return batched.computeIfAbsent(inputName + Arrays.toString(itemShape) + outputs,
                k -> new BatchedRuns(this, inputName, itemShape, maxBatch, outputs));
    }

    /** The thread counts in use, if chosen by the tuner or given; empty for ONNX Runtime's defaults. */
    public Optional<ThreadConfig> threads() {
        return Optional.ofNullable(threads);
    }

    /** The measured table the threads were chosen from, when they were measured (or read from the cache). */
    public Optional<ThreadTuning> tuning() {
        return Optional.ofNullable(tuning);
    }

    /** How many inferences may run at once on this session. */
    public int stages() {
        return stageCount;
    }

    /**
     * Waits for a turn to run inference (first come first served) and returns the nanoseconds waited. Pair with
     * {@link #leaveStage()} in a finally block. Uninterruptible: a turn comes within one inference time.
     */
    public long enterStage() {
        long t0 = System.nanoTime();
        stages.acquireUninterruptibly();
        return System.nanoTime() - t0;
    }

    public void leaveStage() {
        stages.release();
    }

    /**
     * Runs one inference on the session's next free stage, after the inputs of every stream that came first, and
     * waits for it; uninterruptible like {@link #enterStage()}.
     *
     * @throws java.util.concurrent.RejectedExecutionException when the session was closed
     */
    <T> InferencePool.Timed<T> runOnStage(java.util.function.Supplier<T> inference) {
        return pool.run(() -> {
            stages.acquireUninterruptibly(); // shared with batched runs of the same session, if any
            try {
                return inference.get();
            } finally {
                stages.release();
            }
        });
    }

    /** Callers waiting for a turn right now (an estimate, as the queue moves). */
    int waitingForStage() {
        return stages.getQueueLength() + pool.waiting();
    }

    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    public OrtSession session() {
        return session;
    }

    public OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    public ProviderChoice provider() {
        return provider;
    }

    /** The cached inspection, computed by {@code inspect} on first use. */
    synchronized ModelIo inspected(java.util.function.Supplier<ModelIo> inspect) {
        if (inspected == null) {
            inspected = inspect.get();
        }
        return inspected;
    }

    @Override
    public void close() throws OrtException {
        try {
            pool.close();
        } catch (IllegalStateException e) {
            // closing the session under a running inference would crash the process: leave it open instead
            throw new OrtException("left open, " + e.getMessage());
        }
        session.close();
    }
}
