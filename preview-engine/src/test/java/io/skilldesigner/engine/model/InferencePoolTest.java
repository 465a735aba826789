package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

class InferencePoolTest {
    @Test
    void inputsRunOnTheStageThreadsInTheOrderTheyCame() throws Exception {
        try (InferencePool pool = new InferencePool("m.onnx", 1)) {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = caller(() -> pool.run(() -> {
                busy.countDown();
                await(release);
                return "first";
            }));
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            List<String> ranOn = Collections.synchronizedList(new ArrayList<>());
            List<Integer> order = Collections.synchronizedList(new ArrayList<>());
            List<Thread> streams = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                int stream = i;
                streams.add(caller(() -> pool.run(() -> {
                    order.add(stream);
                    ranOn.add(Thread.currentThread().getName());
                    return stream;
                })));
                int queued = i + 1;
                awaitTrue(() -> pool.waiting() == queued, "stream " + i + " waits for the stage");
            }
            release.countDown();
            first.join(10_000);
            for (Thread t : streams) {
                t.join(10_000);
            }
            assertEquals(List.of(0, 1, 2, 3), order, "first come, first served");
            assertTrue(ranOn.stream().allMatch(n -> n.startsWith("sd-infer-m.onnx-")), ranOn.toString());
            assertTrue(ranOn.stream().noneMatch(n -> n.startsWith("caller")), "not on the callers' threads");
        }
    }

    @Test
    void atMostCountInferencesRunAtOnceAndTheCountIsReached() throws Exception {
        try (InferencePool pool = new InferencePool("m.onnx", 2)) {
            AtomicInteger running = new AtomicInteger();
            AtomicInteger most = new AtomicInteger();
            List<Thread> callers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                callers.add(caller(() -> {
                    for (int k = 0; k < 5; k++) {
                        pool.run(() -> {
                            most.accumulateAndGet(running.incrementAndGet(), Math::max);
                            sleep(10);
                            return running.decrementAndGet();
                        });
                    }
                }));
            }
            for (Thread t : callers) {
                t.join(30_000);
                assertFalse(t.isAlive());
            }
            assertEquals(2, most.get());
        }
    }

    @Test
    void whatAnInferenceThrowsReachesItsCallerAndTheStageGoesOn() {
        try (InferencePool pool = new InferencePool("m.onnx", 1)) {
            ModelException failure = new ModelException("model m.onnx: inference failed: bad input");
            ModelException thrown = assertThrows(ModelException.class, () -> pool.run(() -> {
                throw failure;
            }));
            assertSame(failure, thrown);
            assertEquals("next", pool.run(() -> "next").value());
        }
    }

    @Test
    void theTimeAnInputWaitedForAStageIsMeasured() throws Exception {
        try (InferencePool pool = new InferencePool("m.onnx", 1)) {
            CountDownLatch busy = new CountDownLatch(1);
            Thread first = caller(() -> pool.run(() -> {
                busy.countDown();
                sleep(200);
                return 1;
            }));
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            InferencePool.Timed<Integer> second = pool.run(() -> 2);
            first.join(10_000);
            assertEquals(2, second.value());
            assertTrue(second.waitedNanos() >= TimeUnit.MILLISECONDS.toNanos(100), second.waitedNanos() + " ns");
            assertTrue(pool.run(() -> 3).waitedNanos() < TimeUnit.MILLISECONDS.toNanos(100), "a free stage");
        }
    }

    @Test
    void aCallerInterruptedWhileItsInputRunsGetsTheResultAndKeepsTheInterrupt() throws Exception {
        try (InferencePool pool = new InferencePool("m.onnx", 1)) {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            AtomicReference<String> got = new AtomicReference<>();
            AtomicReference<Boolean> interrupted = new AtomicReference<>();
            Thread t = caller(() -> {
                got.set(pool.run(() -> {
                    busy.countDown();
                    await(release);
                    return "done";
                }).value());
                interrupted.set(Thread.currentThread().isInterrupted());
            });
            assertTrue(busy.await(10, TimeUnit.SECONDS));
            t.interrupt();
            Thread.sleep(50);
            assertTrue(t.isAlive(), "its input's buffers are in use until the inference ends");
            release.countDown();
            t.join(10_000);
            assertEquals("done", got.get());
            assertTrue(interrupted.get());
        }
    }

    @Test
    void closeWaitsForTheRunningInferenceAndThenTakesNoMoreInputs() throws Exception {
        InferencePool pool = new InferencePool("m.onnx", 1);
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread running = caller(() -> pool.run(() -> {
            busy.countDown();
            await(release);
            return 1;
        }));
        assertTrue(busy.await(10, TimeUnit.SECONDS));
        Thread closing = caller(pool::close);
        closing.join(300);
        assertTrue(closing.isAlive(), "the session must not be closed under a running inference");
        release.countDown();
        closing.join(10_000);
        running.join(10_000);
        assertFalse(closing.isAlive());
        assertThrows(RejectedExecutionException.class, () -> pool.run(() -> 2));
    }

    private static Thread caller(Runnable r) {
        Thread t = new Thread(r, "caller");
        t.start();
        return t;
    }

    private static void await(CountDownLatch latch) {
        try {
            assertTrue(latch.await(10, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(5);
        }
    }
}
