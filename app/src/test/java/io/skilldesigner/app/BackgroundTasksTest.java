package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javafx.application.Platform;
import javafx.stage.Stage;

/** The pages' one way to run work off the FX thread: where the work runs, where its outcome lands, what shows. */
@ExtendWith(ApplicationExtension.class)
class BackgroundTasksTest {
    private AppStatusBar bar;

    @Start
    void start(Stage stage) {
        bar = new AppStatusBar();
    }

    @Test
    void workRunsInTheBackgroundAndItsResultComesBackOnTheFxThreadWhileTheStatusBarShowsIt() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(bar)) {
            CountDownLatch release = new CountDownLatch(1);
            CompletableFuture<String> result = new CompletableFuture<>();
            WaitForAsyncUtils.asyncFx(() -> tasks.run("Working on it", p -> {
                String thread = Thread.currentThread().getName();
                release.await(10, TimeUnit.SECONDS);
                return thread;
            }, v -> result.complete(v + " then fx=" + Platform.isFxApplicationThread()), result::completeExceptionally))
                    .get(10, TimeUnit.SECONDS);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Working on it".equals(bar.getText()));
            release.countDown();
            assertEquals("sd-background then fx=true", result.get(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "Ready".equals(bar.getText()));
        }
    }

    @Test
    void aFailureComesBackOnTheFxThreadAndAQuietTaskLeavesTheStatusBarAlone() throws Exception {
        try (BackgroundTasks tasks = new BackgroundTasks(bar)) {
            WaitForAsyncUtils.asyncFx(() -> bar.setText("Before")).get(10, TimeUnit.SECONDS);
            CompletableFuture<String> failure = new CompletableFuture<>();
            WaitForAsyncUtils.asyncFx(() -> tasks.runQuietly(p -> {
                throw new IOException("disk full");
            }, v -> failure.complete("no failure"),
                    e -> failure.complete(e.getMessage() + " fx=" + Platform.isFxApplicationThread())))
                    .get(10, TimeUnit.SECONDS);
            assertEquals("disk full fx=true", failure.get(10, TimeUnit.SECONDS));
            WaitForAsyncUtils.waitForFxEvents();
            assertEquals("Before", bar.getText());
        }
    }

    @Test
    void closingInterruptsTheWorkInProgressAndReturnsOnlyOnceItHasEnded() throws Exception {
        BackgroundTasks tasks = new BackgroundTasks(bar);
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean ended = new AtomicBoolean();
        // work that finishes what it does whatever the interrupt, as a preview stopping its engine does
        tasks.submit(() -> {
            started.countDown();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
            while (System.nanoTime() < end) {
                if (Thread.interrupted()) {
                    interrupted.set(true);
                }
                Thread.onSpinWait();
            }
            ended.set(true);
        });
        assertTrue(started.await(10, TimeUnit.SECONDS));
        long t0 = System.nanoTime();
        tasks.close();
        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertTrue(ended.get(), "close returned while the work was still running (after " + waitedMs + " ms)");
        assertTrue(interrupted.get(), "the work was not interrupted");
        assertTrue(waitedMs < BackgroundTasks.CLOSE_WAIT_SECONDS * 1000, "close waited " + waitedMs + " ms");
    }
}
