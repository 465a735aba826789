package io.skilldesigner.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    /** The shape of one input, batch dimension excluded. */
    private final long[] itemShape;
    private final int itemFloats;
    private final int maxBatch;
    private final Object lock = new Object();
    private final List<Request> pending = new ArrayList<>();
    private final FloatBuffer batchInput;
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

        Request(FloatBuffer input) {
            this.input = input;
        }
    }

    BatchedRuns(ModelSession session, String inputName, long[] itemShape, int maxBatch) {
        this.session = session;
        this.inputName = inputName;
        this.itemShape = itemShape.clone();
        long n = 1;
        for (long d : itemShape) {
            n *= d;
        }
        this.itemFloats = Math.toIntExact(n);
        this.maxBatch = maxBatch;
        this.batchInput = ByteBuffer.allocateDirect(itemFloats * 4 * maxBatch).order(ByteOrder.nativeOrder())
                .asFloatBuffer();
    }

    /**
     * Runs one prepared input (the caller's buffer is only read until this returns) and returns its outputs, each
     * with a batch dimension of 1. {@code stageWait} gets the nanoseconds spent waiting for turns.
     *
     * @throws OrtException when the run of the batch holding this input failed
     */
    List<OutputTensor> run(FloatBuffer input, long[] stageWait) throws OrtException {
        Request me = new Request(input.duplicate());
        synchronized (lock) {
            pending.add(me);
        }
        stageWait[0] += session.enterStage();
        List<Request> batch = new ArrayList<>();
        try {
            synchronized (lock) {
                if (!me.taken) { // else a caller who got a turn first runs it: wait for the result below
                    int limit = disabledBecause != null ? 1 : maxBatch;
                    batch.add(me); // the turn holder always runs its own input
                    pending.remove(me);
                    while (batch.size() < limit && !pending.isEmpty()) {
                        batch.add(pending.remove(0));
                    }
                    batch.forEach(r -> r.taken = true);
                }
            }
            if (!batch.isEmpty()) {
                execute(batch);
            }
        } finally {
            session.leaveStage();
        }
        boolean interrupted = false;
        synchronized (lock) {
            while (!me.done) {
                try {
                    lock.wait();
                } catch (InterruptedException e) {
                    // Uninterruptible like the gate: the batch holding this input finishes within one run.
                    interrupted = true;
                }
            }
        }
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
                shapeOf(1)); OrtSession.Result r = session.session().run(Map.of(inputName, t))) {
            return OutputTensor.all(r);
        }
    }

    /** Runs the batch; null when an output's first dimension is not the batch size (then batching is off). */
    private List<List<OutputTensor>> runBatch(List<Request> batch) throws OrtException {
        int n = batch.size();
        // Only the turn holder writes the shared batch buffer, and one batch runs at a time per holder: a second
        // concurrent holder (stages > 1) would overwrite it, so copies go into a buffer of its own then.
        FloatBuffer in = session.stages() == 1 ? batchInput.clear() : ByteBuffer.allocateDirect(itemFloats * 4 * n)
                .order(ByteOrder.nativeOrder()).asFloatBuffer();
        for (Request r : batch) {
            in.put(r.input.duplicate().rewind().limit(itemFloats));
        }
        in.flip();
        try (OnnxTensor t = OnnxTensor.createTensor(session.environment(), in, shapeOf(n));
             OrtSession.Result r = session.session().run(Map.of(inputName, t))) {
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
                    float[] part = new float[per];
                    o.data().duplicate().position(i * per).get(part);
                    long[] shape = o.shape().clone();
                    shape[0] = 1;
                    mine.add(new OutputTensor(o.name(), shape, FloatBuffer.wrap(part)));
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
