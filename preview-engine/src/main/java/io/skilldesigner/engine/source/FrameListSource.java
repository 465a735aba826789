package io.skilldesigner.engine.source;

import java.util.List;

import io.skilldesigner.engine.frame.FrameImage;

/** Frames already decoded, in order, then the end: for benchmarks that must feed every run the same frames. */
public final class FrameListSource implements FrameSource {
    private final List<FrameImage> frames;
    private final SourceStateListener listener;
    private int next;
    private volatile boolean closed;

    public FrameListSource(List<FrameImage> frames, SourceStateListener listener) {
        this.frames = List.copyOf(frames);
        this.listener = listener;
    }

    @Override
    public void open() {
        listener.onState(SourceState.LIVE, frames.size() + " frames in memory");
    }

    @Override
    public FrameImage read() {
        if (closed || next >= frames.size()) {
            return null;
        }
        // the list keeps its own hold: the run releases the one handed out, and the next run gets it again
        return frames.get(next++).retain();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void cancel() {
        closed = true;
    }

    @Override
    public void close() {
        closed = true;
    }
}
