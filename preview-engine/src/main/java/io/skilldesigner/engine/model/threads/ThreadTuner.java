package io.skilldesigner.engine.model.threads;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;

/**
 * Chooses a model's thread configuration by measuring: each candidate (intra-op threads 1..cores, and several
 * concurrent stages with fewer threads each, never more threads than cores) gets its own session and runs a
 * synthetic input for a short, fixed time. Results are cached per model content and machine; a cached table is
 * used without measuring, unless other processes competed for the cores while it was measured (more than
 * {@link ThreadTuning#DISTURBED} of the machine, or not recorded by an earlier version): such a table would keep a
 * session on a bad choice for good (seen: one intra-op thread chosen for a model that runs 1.7x faster on two), so it
 * is measured again at a session start an hour or more later, and the quieter of the two measurements is kept.
 */
public final class ThreadTuner {
    private static final System.Logger LOG = System.getLogger(ThreadTuner.class.getName());

    private final ThreadTuningCache cache;
    private final MachineKey machine;
    private final long nanosPerCandidate;
    private final AtomicInteger measurements = new AtomicInteger();
    private final OtherLoad otherLoad;
    private final LongSupplier clock;

    /** A disturbed table is measured again once it is this old. */
    static final long RECHECK_AFTER_MILLIS = 60 * 60 * 1000L;

    /**
     * @param millisPerCandidate how long each candidate runs after its warm-up (at least 5 runs are timed)
     */
    public ThreadTuner(ThreadTuningCache cache, MachineKey machine, long millisPerCandidate) {
        this(cache, machine, millisPerCandidate, OtherLoad.system(), System::currentTimeMillis);
    }

    /** @param otherLoad what other processes use while a candidate runs; @param clock epoch milliseconds */
    ThreadTuner(ThreadTuningCache cache, MachineKey machine, long millisPerCandidate, OtherLoad otherLoad,
                LongSupplier clock) {
        this.cache = cache;
        this.machine = machine;
        this.nanosPerCandidate = millisPerCandidate * 1_000_000L;
        this.otherLoad = otherLoad;
        this.clock = clock;
    }

    /** The user's cache on this machine, 400 ms per candidate (about 1.5 s on 2 cores). */
    public static ThreadTuner standard(java.util.function.Consumer<String> warnings) {
        return new ThreadTuner(new ThreadTuningCache(ThreadTuningCache.userDefault(), warnings), MachineKey.current(),
                400);
    }

    public ThreadTuningCache cache() {
        return cache;
    }

    /** How many models this tuner has measured (not read from the cache). */
    public int measurements() {
        return measurements.get();
    }

    /**
     * The cached tuning of this model content on this machine, else a fresh measurement (then cached); a disturbed
     * cached table an hour old or more is measured again and the quieter of the two kept.
     */
    public ThreadTuning tuningFor(Path model, String sha256) throws OrtException {
        String key = machine.forModel(sha256);
        Optional<ThreadTuning> cached = cache.read(key);
        long now = clock.getAsLong();
        if (cached.isPresent() && !(cached.get().disturbed()
                && now - cached.get().checkedAtMillis() >= RECHECK_AFTER_MILLIS)) {
            return cached.get();
        }
        ThreadTuning measured = new ThreadTuning(key, measure(model)).checkedAt(now);
        ThreadTuning kept = cached.isPresent() && quieter(cached.get(), measured) ? cached.get().checkedAt(now)
                : measured;
        cache.write(kept);
        return kept;
    }

    /** Whether {@code a} was measured with less competition than {@code b} (an unrecorded one never is). */
    private static boolean quieter(ThreadTuning a, ThreadTuning b) {
        return !Double.isNaN(a.othersBusy()) && (Double.isNaN(b.othersBusy()) || a.othersBusy() < b.othersBusy());
    }

    /**
     * Measures every candidate now, without the cache; for a model with a dynamic batch dimension, batches of
     * several streams' inputs too ({@link #batchCandidates}).
     */
    public List<TuningEntry> measure(Path model) throws OrtException {
        measurements.incrementAndGet();
        List<TuningEntry> table = new ArrayList<>();
        boolean[] dynamic = {false};
        for (ThreadConfig c : candidates(machine.cores())) {
            table.add(measureOne(model, c, dynamic));
        }
        if (dynamic[0]) {
            for (ThreadConfig c : batchCandidates(machine.cores())) {
                table.add(measureOne(model, c, dynamic));
            }
        }
        LOG.log(System.Logger.Level.DEBUG, "thread tuning of " + model.getFileName() + ":\n"
                + new ThreadTuning("", table).format());
        return table;
    }

    /**
     * The tuning with batches measured too, for a model with a dynamic batch dimension whose (cached) table has
     * none yet, as tables measured before batches were are; written to the cache. Other tables come back as they are.
     */
    public ThreadTuning withBatches(ThreadTuning tuning, Path model) throws OrtException {
        if (tuning.measuredBatches()) {
            return tuning;
        }
        measurements.incrementAndGet();
        List<TuningEntry> rows = new ArrayList<>();
        long now = clock.getAsLong();
        for (ThreadConfig c : batchCandidates(machine.cores())) {
            rows.add(measureOne(model, c, new boolean[1]).checkedAt(now));
        }
        ThreadTuning more = tuning.plus(rows);
        cache.write(more);
        return more;
    }

    /** intra 1..4, then powers of two and all cores, with one stage; then 2..4 stages sharing the cores. */
    static List<ThreadConfig> candidates(int cores) {
        int n = Math.max(1, cores);
        java.util.SortedSet<Integer> intra = new java.util.TreeSet<>();
        for (int i = 1; i <= n; i = i < 4 ? i + 1 : i * 2) {
            intra.add(i);
        }
        intra.add(n);
        List<ThreadConfig> out = new ArrayList<>();
        intra.forEach(i -> out.add(new ThreadConfig(i, 1, 1)));
        for (int stages = 2; stages <= Math.min(n, 4); stages++) {
            out.add(new ThreadConfig(n / stages, 1, stages));
        }
        return out;
    }

    /**
     * Batches for a model with a dynamic batch dimension: 2 and 4 inputs per run with every core on one stage, and
     * 2 per run on each of two stages; never more than 4 inputs in flight (a batch waits for that many streams).
     */
    static List<ThreadConfig> batchCandidates(int cores) {
        int n = Math.max(1, cores);
        List<ThreadConfig> out = new ArrayList<>(List.of(new ThreadConfig(n, 1, 1, 2), new ThreadConfig(n, 1, 1, 4)));
        if (n >= 2) {
            out.add(new ThreadConfig(n / 2, 1, 2, 2));
        }
        return out;
    }

    /** Whether the model's first input has a symbolic first (batch) dimension. */
    public static boolean dynamicBatch(OrtSession session) throws OrtException {
        for (NodeInfo info : session.getInputInfo().values()) {
            return info.getInfo() instanceof TensorInfo t && t.getShape().length > 1 && t.getShape()[0] < 0;
        }
        return false;
    }

    /** One candidate on a session of its own; {@code dynamic[0]} is set when the model's batch is dynamic. */
    private TuningEntry measureOne(Path model, ThreadConfig c, boolean[] dynamic) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            options.setIntraOpNumThreads(c.intraOp());
            options.setInterOpNumThreads(c.interOp());
            try (OrtSession session = env.createSession(model.toString(), options)) {
                dynamic[0] = dynamicBatch(session);
                DoubleSupplier others = otherLoad.begin();
                TuningEntry timed = time(session, c);
                double busy = others.getAsDouble();
                return new TuningEntry(c, timed.runsPerSecond(), timed.msPerRun(), Double.isNaN(busy) ? null : busy,
                        null);
            }
        }
    }

    private TuningEntry time(OrtSession session, ThreadConfig c) throws OrtException {
        List<Map<String, OnnxTensor>> inputs = new ArrayList<>();
        try {
            for (int s = 0; s < c.stages(); s++) {
                inputs.add(syntheticInputs(session, c.batch()));
            }
            for (int i = 0; i < 2; i++) {
                run(session, inputs.get(0)); // warm-up: arenas, first-run kernel choices
            }
            AtomicLong runs = new AtomicLong();
            AtomicLong busyNanos = new AtomicLong();
            long deadline = System.nanoTime() + nanosPerCandidate;
            List<Thread> stages = new ArrayList<>();
            OrtException[] failure = new OrtException[1];
            long t0 = System.nanoTime();
            for (int s = 0; s < c.stages(); s++) {
                Map<String, OnnxTensor> in = inputs.get(s);
                Thread t = new Thread(null, () -> {
                    try {
                        int mine = 0;
                        while (mine < 5 || System.nanoTime() < deadline) {
                            long r0 = System.nanoTime();
                            run(session, in);
                            busyNanos.addAndGet(System.nanoTime() - r0);
                            runs.incrementAndGet();
                            mine++;
                        }
                    } catch (OrtException e) {
                        synchronized (failure) {
                            failure[0] = e;
                        }
                    }
                }, "onnx-thread-tuning-" + s, 16L << 20);
                stages.add(t);
                t.start();
            }
            for (Thread t : stages) {
                t.join();
            }
            long wall = System.nanoTime() - t0;
            synchronized (failure) {
                if (failure[0] != null) {
                    throw failure[0];
                }
            }
            return new TuningEntry(c, runs.get() * c.batch() * 1e9 / wall, busyNanos.get() / 1e6 / runs.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while tuning threads", e);
        } finally {
            inputs.forEach(m -> m.values().forEach(OnnxTensor::close));
        }
    }

    private static void run(OrtSession session, Map<String, OnnxTensor> in) throws OrtException {
        try (OrtSession.Result r = session.run(in)) {
            if (r.size() == 0) {
                throw new IllegalStateException("the model produced no outputs");
            }
        }
    }

    /** Noise of the input's type and shape; symbolic dimensions: the batch, others 320 (a multiple of 32). */
    private static Map<String, OnnxTensor> syntheticInputs(OrtSession session, int batch) throws OrtException {
        Map<String, OnnxTensor> out = new java.util.LinkedHashMap<>();
        Random random = new Random(17);
        for (Map.Entry<String, NodeInfo> e : session.getInputInfo().entrySet()) {
            if (!(e.getValue().getInfo() instanceof TensorInfo info)) {
                throw new IllegalArgumentException("input " + e.getKey() + " is not a tensor");
            }
            long[] shape = info.getShape().clone();
            for (int i = 0; i < shape.length; i++) {
                if (shape[i] <= 0) {
                    shape[i] = i == 0 ? batch : 320;
                }
            }
            long count = 1;
            for (long d : shape) {
                count *= d;
            }
            OnnxJavaType type = info.type;
            int bytes = switch (type) {
                case FLOAT, INT32 -> 4;
                case FLOAT16, BFLOAT16, INT16 -> 2;
                case UINT8, INT8, BOOL -> 1;
                case DOUBLE, INT64 -> 8;
                default -> throw new IllegalArgumentException("input " + e.getKey() + " has type " + type
                        + ", which tuning cannot synthesise");
            };
            ByteBuffer buf = ByteBuffer.allocateDirect((int) (count * bytes)).order(ByteOrder.nativeOrder());
            if (type == OnnxJavaType.FLOAT) {
                while (buf.remaining() >= 4) {
                    buf.putFloat(random.nextFloat());
                }
            } else if (type == OnnxJavaType.UINT8 || type == OnnxJavaType.INT8) {
                while (buf.hasRemaining()) {
                    buf.put((byte) random.nextInt(256));
                }
            } // other types: zeros (same cost for dense kernels)
            buf.rewind();
            out.put(e.getKey(), OnnxTensor.createTensor(OrtEnvironment.getEnvironment(), buf, shape, type));
        }
        return out;
    }
}
