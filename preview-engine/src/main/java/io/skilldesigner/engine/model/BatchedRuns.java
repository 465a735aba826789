package io.skilldesigner.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * Batches the inferences of several streams on one shared session whose model has a dynamic batch dimension.
 * Opportunistic, so a lone stream waits for nothing: a caller queues its prepared input, takes a turn at the
 * session's fair gate, and whoever gets the turn first runs every input queued by then (up to the batch limit) as
 * one {@code [n, ...]} tensor, then hands each caller its own slice of every output. Under load, inputs pile up
 * while the session is busy and batches form by themselves.
 *
 * <p>A model whose outputs do not follow the batch (first dimension not {@code n}) or whose batched run fails is
 * run one input at a time from then on, with the reason kept for the summary.
 */
final class BatchedRuns {
    private final ModelSession session;
    private final String inputName;
    /** The outputs the runners' decoder reads: the only ones fetched from ONNX Runtime. */
    private final Set<String> outputs;
    /** The shape of one input, batch dimension excluded. */
    private final long[] itemShape;
    private final int itemFloats;
    private final int maxBatch;
    /** Most inputs one run takes: the streams divided over the session's concurrent stages. */
    private final int perRun;
    private final Object lock = new Object();
    private final List<Request> pending = new ArrayList<>();
    /** Batch input buffers not in use (at most one per stage is ever made). Guarded by {@link #lock}. */
    private final ArrayDeque<FloatBuffer> batchBuffers = new ArrayDeque<>();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong inputs = new AtomicLong();
    private volatile String disabledBecause;

    /** One caller's input and, once run, its outputs or failure. Guarded by {@link #lock}. */
    private static final class Request {
        final FloatBuffer input;
        List<OutputTensor> outputs;
        RuntimeException failure;
        boolean done;
        boolean taken;
        /** When a turn holder took it into a batch (System.nanoTime). */
        long takenAt;

        Request(FloatBuffer input) {
            this.input = input;
        }
    }

    BatchedRuns(ModelSession session, String inputName, long[] itemShape, int maxBatch, Set<String> outputs) {
        this.session = session;
        this.outputs = Set.copyOf(outputs);
        this.inputName = inputName;
        this.itemShape = itemShape.clone();
        long n = 1;
        for (long d : itemShape) {
            n *= d;
        }
        this.itemFloats = Math.toIntExact(n);
        this.maxBatch = maxBatch;
        // With several stages, the streams are split evenly over the runs that may be in flight at once: one run
        // taking every queued input while another runs a lone one lets the lone stream lap the others.
        this.perRun = Math.max(1, (maxBatch + session.stages() - 1) / session.stages());
    }

    /**
     * Runs one prepared input (the caller's buffer is only read until this returns) and returns its outputs, each
     * with a batch dimension of 1. {@code stageWait} gets the nanoseconds from the call until a turn holder took the
     * input into a batch.
     *
     * <p>Only the oldest queued input's caller waits at the session's gate; the others wait here until a batch
     * takes their input or theirs becomes the oldest. A caller whose input another caller's batch took therefore
     * never takes a turn at the gate: it gets its result as soon as that batch is done, and the next turn goes to
     * an input that still needs running (streams whose inputs were taken used to queue at the gate for nothing,
     * ahead of inputs that were waiting, which cost turns and fairness).
     *
     * @throws OrtException when the run of the batch holding this input failed
     */
    List<OutputTensor> run(FloatBuffer input, long[] stageWait) throws OrtException {
        long t0 = System.nanoTime();
        Request me = new Request(input.duplicate());
        boolean interrupted = false;
        List<Request> batch = null;
        synchronized (lock) {
            pending.add(me);
        }
        while (batch == null) {
            synchronized (lock) {
                while (!me.taken && pending.get(0) != me) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // Uninterruptible like the gate: a turn or the batch holding this input comes within a run.
                        interrupted = true;
                    }
                }
                if (me.taken) {
                    break;
                }
            }
            session.enterStage(); // the oldest input waits for a turn; only a turn holder takes inputs
            synchronized (lock) {
                if (me.taken) { // cannot happen while only the oldest waits at the gate; give the turn back
                    session.leaveStage();
                    break;
                }
                int limit = disabledBecause != null ? 1 : perRun;
                batch = new ArrayList<>(limit);
                while (batch.size() < limit && !pending.isEmpty()) {
                    batch.add(pending.remove(0)); // me first: I was the oldest
                }
                long now = System.nanoTime();
                for (Request r : batch) {
                    r.taken = true;
                    r.takenAt = now;
                }
                lock.notifyAll(); // the next oldest, if any, may wait for a turn of its own now
            }
        }
        if (batch != null) {
            try {
                execute(batch);
            } finally {
                session.leaveStage();
            }
        }
        synchronized (lock) {
            while (!me.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        stageWait[0] += me.takenAt - t0;
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return result(me);
    }

    private List<OutputTensor> result(Request r) throws OrtException {
        if (r.failure != null) {
            if (r.failure.getCause() instanceof OrtException e) {
                throw e;
            }
            throw r.failure;
        }
        return r.outputs;
    }

    private void execute(List<Request> batch) {
        int n = batch.size();
        Map<Request, List<OutputTensor>> out = new java.util.IdentityHashMap<>();
        RuntimeException failure = null;
        try {
            if (n == 1) {
                out.put(batch.get(0), runOne(batch.get(0).input));
            } else {
                List<List<OutputTensor>> split;
                try {
                    split = runBatch(batch);
                } catch (OrtException e) {
                    // A model may declare a dynamic batch that its graph cannot run (a fixed reshape): say so and
                    // run one input at a time from now on; an input that fails alone fails below as usual.
                    disabledBecause = "a batch of " + n + " failed: " + ModelSessions.firstLine(e);
                    split = null;
                }
                if (split == null) { // outputs do not follow the batch: run each alone from now on
                    for (Request r : batch) {
                        out.put(r, runOne(r.input));
                    }
                } else {
                    for (int i = 0; i < n; i++) {
                        out.put(batch.get(i), split.get(i));
                    }
                }
            }
            batches.incrementAndGet();
            inputs.addAndGet(n);
        } catch (OrtException e) {
            failure = new IllegalStateException(e.getMessage(), e);
        } catch (RuntimeException e) {
            failure = e;
        }
        synchronized (lock) {
            for (Request r : batch) {
                r.outputs = out.get(r);
                r.failure = failure;
                r.done = true;
            }
            lock.notifyAll();
        }
    }

    private List<OutputTensor> runOne(FloatBuffer input) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(session.environment(), input.duplicate().rewind(),
                shapeOf(1)); OrtSession.Result r = session.session().run(Map.of(inputName, t), outputs)) {
            return OutputTensor.all(r);
        }
    }

    /** Runs the batch; null when an output's first dimension is not the batch size (then batching is off). */
    private List<List<OutputTensor>> runBatch(List<Request> batch) throws OrtException {
        int n = batch.size();
        FloatBuffer in = takeBatchBuffer();
        try {
            for (Request r : batch) {
                in.put(r.input.duplicate().rewind().limit(itemFloats));
            }
            in.flip();
            return runBatch(in, n);
        } finally {
            synchronized (lock) {
                batchBuffers.push(in);
            }
        }
    }

    /** A batch input buffer of its own for this turn holder: one per concurrent stage, made once, then reused. */
    private FloatBuffer takeBatchBuffer() {
        synchronized (lock) {
            FloatBuffer b = batchBuffers.poll();
            if (b != null) {
                return b.clear();
            }
        }
        return ByteBuffer.allocateDirect(itemFloats * 4 * perRun).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private List<List<OutputTensor>> runBatch(FloatBuffer in, int n) throws OrtException {
        try (OnnxTensor t = OnnxTensor.createTensor(session.environment(), in, shapeOf(n));
             OrtSession.Result r = session.session().run(Map.of(inputName, t), outputs)) {
            List<OutputTensor> whole = OutputTensor.all(r);
            for (OutputTensor o : whole) {
                if (o.shape().length == 0 || o.shape()[0] != n || o.size() % n != 0) {
                    disabledBecause = "output " + o + " does not follow the batch of " + n;
                    return null;
                }
            }
            List<List<OutputTensor>> split = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                List<OutputTensor> mine = new ArrayList<>();
                for (OutputTensor o : whole) {
                    int per = o.size() / n;
                    long[] shape = o.shape().clone();
                    shape[0] = 1;
                    // a view of this input's part: the batch's outputs were copied out of ONNX Runtime already
                    mine.add(new OutputTensor(o.name(), shape,
                            o.data().duplicate().position(i * per).limit((i + 1) * per).slice()));
                }
                split.add(mine);
            }
            return split;
        }
    }

    private long[] shapeOf(int n) {
        long[] s = new long[itemShape.length + 1];
        s[0] = n;
        System.arraycopy(itemShape, 0, s, 1, itemShape.length);
        return s;
    }

    /** Inputs per run on average (1 when nothing was batched). */
    double averageBatch() {
        long b = batches.get();
        return b == 0 ? 0 : inputs.get() / (double) b;
    }

    /** Why batching was turned off for this model, or null. */
    String disabledBecause() {
        return disabledBecause;
    }
}
