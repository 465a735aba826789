package io.skilldesigner.app.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Opens a folder in the desktop's file manager without blocking the caller. {@code java.awt.Desktop} is not used:
 * on a Linux desktop without a file manager it hung the whole app inside {@code gnome_url_show} on the FX thread.
 * Instead the platform's opener runs as a process on a background thread with a timeout; when it is missing,
 * fails or hangs (then it is killed), the outcome says why, so the caller can show the path instead.
 */
public final class FolderOpener {
    /** @param opened false when the folder could not be shown; {@code message} then says why */
    public record Outcome(boolean opened, String message) {
    }

    private final List<String> command;
    private final boolean exitCodeMeaningful;
    private final Duration timeout;

    /**
     * @param command            the opener; the folder is appended as the last argument
     * @param exitCodeMeaningful false for openers that report failure on success (Windows explorer)
     */
    public FolderOpener(List<String> command, boolean exitCodeMeaningful, Duration timeout) {
        this.command = List.copyOf(command);
        this.exitCodeMeaningful = exitCodeMeaningful;
        this.timeout = timeout;
    }

    /** xdg-open on Linux and BSD, open on macOS, explorer on Windows; 10 s to start. */
    public static FolderOpener forThisOs() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Duration t = Duration.ofSeconds(10);
        if (os.contains("win")) {
            return new FolderOpener(List.of("explorer"), false, t);
        }
        if (os.contains("mac")) {
            return new FolderOpener(List.of("open"), true, t);
        }
        return new FolderOpener(List.of("xdg-open"), true, t);
    }

    /** Starts the opener on {@code background}; completes (never exceptionally) with what happened. */
    public CompletableFuture<Outcome> open(Path folder, Executor background) {
        return CompletableFuture.supplyAsync(() -> run(folder), background);
    }

    private Outcome run(Path folder) {
        List<String> cmd = new ArrayList<>(command);
        cmd.add(folder.toAbsolutePath().toString());
        Process p;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            return new Outcome(false, "no file manager opener (" + command.get(0) + ": " + e.getMessage() + ")");
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Outcome(false, command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Outcome(false, "interrupted while opening the folder");
        }
        if (exitCodeMeaningful && p.exitValue() != 0) {
            return new Outcome(false, command.get(0) + " failed with exit code " + p.exitValue()
                    + " (no file manager for folders?)");
        }
        return new Outcome(true, "opened " + folder);
    }
}
