package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * Stopping from an interrupted thread (the app's quit interrupts the task that stops its preview) still waits for
 * the node threads before closing what they run: a node's work that ignores interrupts, as an inference inside ONNX
 * Runtime does, must end before its runtime is closed, or the native memory it uses is freed under it (the crash
 * on quit that {@code AppQuitTest} shows on the real app).
 */
class EngineStopTest {
    @TempDir
    static Path dir;
    static Path video;

    @BeforeAll
    static void writeVideo() throws Exception {
        video = TestVideos.movingSquare(dir.resolve("square.mp4"), 24, 160, 120, 25);
    }

    /** Works for {@code millis} whatever interrupts come (a native call), and records a close during the work. */
    static final class Uninterruptible implements NodeRuntime {
        final CountDownLatch working = new CountDownLatch(1);
        final AtomicBoolean inside = new AtomicBoolean();
        final AtomicBoolean closedDuringWork = new AtomicBoolean();
        final AtomicInteger closes = new AtomicInteger();
        private final long millis;

        Uninterruptible(long millis) {
            this.millis = millis;
        }

        @Override
        public Frame process(Frame frame) {
            inside.set(true);
            working.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            inside.set(false);
            return frame;
        }

        @Override
        public void close() {
            if (inside.get()) {
                closedDuringWork.set(true);
            }
            closes.incrementAndGet();
        }
    }

    @Test
    void anInterruptedStopWaitsForTheNodesWorkBeforeClosingItsRuntimeAndKeepsTheInterrupt() throws Exception {
        Uninterruptible rt = new Uninterruptible(600);
        TestNodes nodes = new TestNodes().runtime("test-native", () -> rt);
        Skill skill = TestSkills.fileCamera(video, true).fps(25).node("model", "test-native", "camera").build();
        Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry()).build();
        engine.start();
        assertTrue(rt.working.await(30, TimeUnit.SECONDS), "the node never started working");

        CompletableFuture<Boolean> keptInterrupt = new CompletableFuture<>();
        Thread stopper = new Thread(() -> {
            Thread.currentThread().interrupt(); // as BackgroundTasks.close()'s shutdownNow does to the stopping task
            engine.stop();
            keptInterrupt.complete(Thread.currentThread().isInterrupted());
        }, "stopper");
        stopper.start();
        Thread.sleep(50);
        stopper.interrupt(); // and once more while it waits
        assertTrue(keptInterrupt.get(30, TimeUnit.SECONDS), "the stopping thread's interrupt was lost");
        assertTrue(engine.awaitCompletion(Duration.ofSeconds(30)), "stop did not end the run");

        assertFalse(rt.closedDuringWork.get(), "the runtime was closed while its node thread still ran it");
        assertEquals(1, rt.closes.get(), "the runtime was not closed exactly once");
    }
}
