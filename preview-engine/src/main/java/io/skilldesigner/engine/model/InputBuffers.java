package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import io.skilldesigner.core.model.DecoderSettings;

/**
 * A runner's input tensors: up to {@code capacity} pre-processors, so the next frame can be prepared into one while
 * the model runs on another (double buffering). A second buffer is only made when a frame is prepared while the
 * first is still in use. Taken on the preparing thread, given back on the running one.
 */
final class InputBuffers implements AutoCloseable {
    /** A pre-processor and the decoder settings for its input size. */
    record Buffer(Preprocessor pre, DecoderSettings settings) {
    }

    private final int capacity;
    private final Preprocessor.ElementType type;
    private final OrtEnvironment env;
    private final BlockingQueue<Buffer> free;
    private final List<Buffer> made = new ArrayList<>();
    private boolean closed;

    InputBuffers(int capacity, DecoderSettings settings, Preprocessor.ElementType type, OrtEnvironment env)
            throws OrtException {
        this.capacity = capacity;
        this.type = type;
        this.env = env;
        this.free = new ArrayBlockingQueue<>(capacity);
        free.add(make(settings));
    }

    /** A free buffer: an idle one, a new one while fewer than capacity exist, else waits for one to come back. */
    Buffer take(DecoderSettings settings) throws OrtException, InterruptedException {
        Buffer b = free.poll();
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (made.size() < capacity && !closed) {
                return make(settings);
            }
        }
        return free.take();
    }

    /** The buffer for other settings (an input that follows the frame size): the old one is closed. */
    synchronized Buffer resize(Buffer old, DecoderSettings settings) throws OrtException {
        Buffer b = new Buffer(new Preprocessor(settings, type, env), settings);
        made.set(made.indexOf(old), b);
        old.pre().close();
        return b;
    }

    void give(Buffer b) {
        free.add(b);
    }

    int made() {
        synchronized (this) {
            return made.size();
        }
    }

    private synchronized Buffer make(DecoderSettings settings) throws OrtException {
        Buffer b = new Buffer(new Preprocessor(settings, type, env), settings);
        made.add(b);
        return b;
    }

    @Override
    public synchronized void close() {
        closed = true;
        made.forEach(b -> b.pre().close());
        made.clear();
        free.clear();
    }
}
