package io.skilldesigner.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes stand in for the desktop's opener: one that works, one that is missing, one that hangs. */
class FolderOpenerTest {
    @TempDir
    Path dir;
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        background.shutdownNow();
    }

    @Test
    void openerThatWorks() throws Exception {
        var out = new FolderOpener(List.of("true"), true, Duration.ofSeconds(10)).open(dir, background)
                .get(30, TimeUnit.SECONDS);
        assertTrue(out.opened(), out.message());
    }

    @Test
    void missingOpenerSaysSo() throws Exception {
        var out = new FolderOpener(List.of("/nonexistent/xdg-open"), true, Duration.ofSeconds(10))
                .open(dir, background).get(30, TimeUnit.SECONDS);
        assertFalse(out.opened());
        assertTrue(out.message().contains("/nonexistent/xdg-open"), out.message());
    }

    @Test
    void failingOpenerSaysSo() throws Exception {
        var out = new FolderOpener(List.of("false"), true, Duration.ofSeconds(10)).open(dir, background)
                .get(30, TimeUnit.SECONDS);
        assertFalse(out.opened());
        assertTrue(out.message().contains("exit code 1"), out.message());
    }

    /** The hang from the field: the caller returns at once, and the opener is killed at the timeout. */
    @Test
    void hangingOpenerNeverBlocksTheCaller() throws Exception {
        long start = System.nanoTime();
        var future = new FolderOpener(List.of("sh", "-c", "sleep 600", "opener"), true,
                Duration.ofMillis(500)).open(dir, background);
        long returnedMs = (System.nanoTime() - start) / 1_000_000;
        assertTrue(returnedMs < 400, "open() must not wait for the opener: " + returnedMs + " ms");
        var out = future.get(30, TimeUnit.SECONDS);
        assertFalse(out.opened());
        assertTrue(out.message().contains("did not finish"), out.message());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (ProcessHandle.current().descendants().anyMatch(ProcessHandle::isAlive)
                && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        assertTrue(ProcessHandle.current().descendants().noneMatch(ProcessHandle::isAlive),
                "the hung opener and its children are killed");
    }
}
