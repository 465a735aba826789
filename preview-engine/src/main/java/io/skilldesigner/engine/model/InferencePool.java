package io.skilldesigner.engine.model;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.google.common.util.concurrent.Uninterruptibles;

/**
 * A session's inference stages as threads of their own: inputs from every stream sharing the session wait in one
 * first-come-first-served queue, and a stage that finishes an inference starts the next waiting one at once, on
 * the same thread. With a gate instead, each stream ran its inference on its own thread, and a stage freed by one
 * stream stayed unused until the next stream's thread was woken and given a core; with every core running an
 * inference that took long enough to cost four streams of a small model on two cores 13–17 % of the raw
 * throughput (BENCHMARKS.md, session 27). Threads are made as inputs come and leave after a while idle.
 */
final class InferencePool implements AutoCloseable {
    /** What one inference gave and how long its input waited for a stage. */
    record Timed<T>(T value, long waitedNanos) {
    }

    private static final long IDLE_SECONDS = 30;
    private static final long CLOSE_WAIT_SECONDS = 30;

    private final ThreadPoolExecutor stages;

    /**
     * @param name  what the threads are named after (the model file)
     * @param count how many inferences run at once
     */
    InferencePool(String name, int count) {
        AtomicInteger made = new AtomicInteger();
        stages = new ThreadPoolExecutor(count, count, IDLE_SECONDS, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                r -> {
                    Thread t = new Thread(r, "sd-infer-" + name + "-" + made.getAndIncrement());
                    t.setDaemon(true); // a stage waiting for work never keeps the program alive
                    return t;
                });
        stages.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code inference} on the next free stage and waits for it. Uninterruptible, as a turn comes within one
     * inference time and the input's buffers must stay untouched until it ends; an interrupt is kept for the caller.
     *
     * @throws RuntimeException what the inference threw
     * @throws java.util.concurrent.RejectedExecutionException when the pool was closed
     */
    <T> Timed<T> run(Supplier<T> inference) {
        long queued = System.nanoTime();
        long[] started = new long[1];
        Future<T> result = stages.submit(() -> {
            started[0] = System.nanoTime();
            return inference.get();
        });
        try {
            T value = Uninterruptibles.getUninterruptibly(result);
            return new Timed<>(value, started[0] - queued); // get() happens-after the write of started
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Inputs waiting for a stage right now (an estimate, as the queue moves). */
    int waiting() {
        return stages.getQueue().size();
    }

    /**
     * Takes no more inputs and waits for those taken to finish, so the session is not closed under a running
     * inference (a native crash). An interrupt is kept for the caller.
     */
    @Override
    public void close() {
        stages.shutdown();
        if (!Uninterruptibles.awaitTerminationUninterruptibly(stages, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            throw new IllegalStateException("an inference did not end within " + CLOSE_WAIT_SECONDS + " s");
        }
    }
}
