package io.skilldesigner.engine.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM during {@code run}: the JVM runs shutdown hooks and exits as soon as they return, so
 * the hook stops the engine (the frame in flight finishes) and then waits until the command has written its summary
 * and closed its files. The JVM then exits with 128 + the signal (130 for Ctrl-C).
 */
final class Interruption {
    /** Long enough for a stop and the summary; bounded so that a second Ctrl-C is never needed. */
    private static final long WAIT_SECONDS = 20;

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean requested;

    /** The shutdown hook: marks the run interrupted, stops it, waits for the files. */
    Thread hook(Runnable stop) {
        return new Thread(() -> {
            requested = true;
            stop.run();
            try {
                finished.await(WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "sd-cli-stop");
    }

    boolean requested() {
        return requested;
    }

    /** The command is done with its output: the hook may let the JVM go. */
    void finished() {
        finished.countDown();
    }
}
