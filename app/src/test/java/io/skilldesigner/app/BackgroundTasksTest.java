package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
}
