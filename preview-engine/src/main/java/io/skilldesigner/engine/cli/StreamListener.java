package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.source.SourceState;

/**
 * One stream of {@code run}: writes its insight lines (at most {@code --frames}, flushed per frame so a reader
 * tailing the file sees each at once and a crash loses nothing), prints its source's changes, remembers a
 * permanent source failure and opens {@link #done()} when the stream has ended or written all it should.
 * Streams sharing one output lock it, so their lines never interleave.
 */
final class StreamListener implements EngineListener {
    private final InsightsJson insights;
    private final Writer sink;
    private final int maxFrames;
    private final AtomicReference<IOException> writeFailure;
    private final Runnable onWriteFailure;
    private final PrintStream err;
    private final String prefix;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicReference<String> sourceFailure = new AtomicReference<>();
    /** Guarded by {@link #sink}. */
    private long written;

    /**
     * @param writeFailure   shared by the streams of one output: the first failure stops every stream's writing
     * @param onWriteFailure called once this stream hit a write failure (e.g. to end the other streams' waits)
     * @param prefix         put before each message ("" for a single stream, "stream2: " for several)
     */
    StreamListener(InsightsJson insights, Writer sink, int maxFrames, AtomicReference<IOException> writeFailure,
                   Runnable onWriteFailure, PrintStream err, String prefix) {
        this.insights = insights;
        this.sink = sink;
        this.maxFrames = maxFrames;
        this.writeFailure = writeFailure;
        this.onWriteFailure = onWriteFailure;
        this.err = err;
        this.prefix = prefix;
    }

    @Override
    public void onOutput(Frame frame) {
        synchronized (sink) {
            if (maxFrames > 0 && written >= maxFrames || writeFailure.get() != null) {
                return;
            }
            try {
                sink.write(insights.toJson(frame));
                sink.write('\n');
                sink.flush();
            } catch (IOException e) {
                writeFailure.compareAndSet(null, e);
                done.countDown();
                onWriteFailure.run();
                return;
            }
            written++;
            if (maxFrames > 0 && written >= maxFrames) {
                done.countDown();
            }
        }
    }

    @Override
    public void onRunState(RunState state, String message) {
        if (state == RunState.COMPLETED || state == RunState.FAILED || state == RunState.STOPPED) {
            done.countDown();
        }
    }

    @Override
    public void onSourceState(String nodeId, SourceState state, String message) {
        if (state == SourceState.FAILED) {
            sourceFailure.compareAndSet(null, message); // printed once, as the run's error at the end
        }
        if (state == SourceState.RECONNECTING || state == SourceState.LIVE) {
            err.println(prefix + "source " + nodeId + ": " + state + " " + message);
        }
    }

    /** Opens when the stream ended, wrote all {@code --frames}, or the output failed. */
    CountDownLatch done() {
        return done;
    }

    /** Ends a wait on {@link #done()} (another stream's output failed). */
    void release() {
        done.countDown();
    }

    /** Lines written so far. */
    long written() {
        synchronized (sink) {
            return written;
        }
    }

    /** The source's permanent failure, or null. */
    String sourceFailure() {
        return sourceFailure.get();
    }
}
