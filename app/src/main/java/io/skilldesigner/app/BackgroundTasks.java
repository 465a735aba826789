package io.skilldesigner.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import com.google.common.util.concurrent.Uninterruptibles;

import javafx.concurrent.Task;

/**
 * The one way pages run work off the FX thread: the work runs on a shared daemon pool, its result or failure is
 * handed back on the FX thread, and a tracked task shows its message and progress in the status bar.
 */
public final class BackgroundTasks implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(BackgroundTasks.class.getName());
    /** How long closing waits for the work in progress (at quit: a preview stopping, a model's try-out). */
    static final long CLOSE_WAIT_SECONDS = 20;

    /** What a piece of background work may report while it runs (shown in the status bar when tracked). */
    public interface Progress {
        void message(String text);

        /** {@code done} of {@code total}; {@code -1, 1} for "busy, no estimate". */
        void progress(double done, double total);
    }

    /** Work that runs off the FX thread. */
    @FunctionalInterface
    public interface Work<T> {
        T call(Progress progress) throws Exception;
    }

    private final AppStatusBar statusBar;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "sd-background");
        t.setDaemon(true);
        return t;
    });

    BackgroundTasks(AppStatusBar statusBar) {
        this.statusBar = statusBar;
    }

    /**
     * Runs {@code work} in the background, shown in the status bar (message, progress, "Failed: ..." at the end).
     *
     * @param message   the status text while it starts (null: the work sets its own through {@link Progress})
     * @param onDone    on the FX thread, with the result
     * @param onFailed  on the FX thread, with what the work threw
     * @return the task, for binding its progress
     */
    public <T> Task<T> run(String message, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = task(message, work, onDone, onFailed);
        statusBar.track(task);
        pool.submit(task);
        return task;
    }

    /** As {@link #run}, but the status bar is left alone (small work inside a dialog or a form). */
    public <T> Task<T> runQuietly(Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = task(null, work, onDone, onFailed);
        pool.submit(task);
        return task;
    }

    /** Fire-and-forget work that reports nothing (closing a session, writing a file the UI does not wait for). */
    public void submit(Runnable work) {
        pool.submit(work);
    }

    ExecutorService executor() {
        return pool;
    }

    private static <T> Task<T> task(String message, Work<T> work, Consumer<T> onDone, Consumer<Throwable> onFailed) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                if (message != null) {
                    updateMessage(message);
                }
                return work.call(new Progress() {
                    @Override
                    public void message(String text) {
                        updateMessage(text);
                    }

                    @Override
                    public void progress(double done, double total) {
                        updateProgress(done, total);
                    }
                });
            }
        };
        task.setOnSucceeded(e -> onDone.accept(task.getValue()));
        task.setOnFailed(e -> onFailed.accept(task.getException()));
        return task;
    }

    /**
     * Interrupts the work in progress and waits for it to end, {@value #CLOSE_WAIT_SECONDS} s at most. The app
     * closes this just before the JVM exits, and work still inside ONNX Runtime when the process ends (a preview
     * stopping its engine, a try-out's inference) crashed it; stopping waits for its threads whatever the
     * interrupt. An interrupt of the caller is kept for it.
     */
    @Override
    public void close() {
        pool.shutdownNow();
        if (!Uninterruptibles.awaitTerminationUninterruptibly(pool, CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
            LOG.log(System.Logger.Level.WARNING, "background work did not end within " + CLOSE_WAIT_SECONDS
                    + " s of closing; the app quits without it");
        }
    }
}
