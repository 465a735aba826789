package io.skilldesigner.engine.source;

import java.nio.file.Files;
import java.nio.file.Path;

import org.bytedeco.javacv.FrameGrabber;

import io.skilldesigner.engine.frame.FrameImage;

/** A video file (MP4, AVI, MKV...), optionally looping. */
public final class VideoFileSource implements FrameSource {
    private final SourceSpec spec;
    private final SourceStateListener listener;
    private volatile GrabberSession session;
    private volatile boolean closed;

    public VideoFileSource(SourceSpec spec, SourceStateListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    @Override
    public void open() throws SourceException {
        Path path = Path.of(spec.location());
        if (!Files.isRegularFile(path)) {
            fail("video file not found: " + path.toAbsolutePath());
        }
        listener.onState(SourceState.CONNECTING, "opening " + spec.describe());
        session = startSession(path);
        listener.onState(SourceState.LIVE, spec.describe());
    }

    private GrabberSession startSession(Path path) throws SourceException {
        try {
            return GrabberSession.start(path.toString(), g -> { });
        } catch (FrameGrabber.Exception | RuntimeException e) {
            fail("cannot open video file " + path + ": " + e.getMessage());
            return null; // unreachable: fail throws
        }
    }

    private void fail(String message) throws SourceException {
        listener.onState(SourceState.FAILED, message);
        throw new SourceException(message);
    }

    @Override
    public FrameImage read() throws SourceException {
        GrabberSession s = session;
        if (s == null || closed) {
            return null;
        }
        FrameImage img = grab(s);
        if (img == null && spec.loop() && !closed) {
            s.release();
            s = startSession(Path.of(spec.location()));
            session = s;
            img = grab(s);
            // A file with no decodable frame would loop forever: treat as ended.
        }
        if (img == null) {
            listener.onState(SourceState.ENDED, "end of " + spec.describe());
        }
        return img;
    }

    private FrameImage grab(GrabberSession s) throws SourceException {
        try {
            return s.grab();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            if (closed) {
                return null;
            }
            String message = "cannot decode " + spec.describe() + ": " + e.getMessage();
            listener.onState(SourceState.FAILED, message);
            throw new SourceException(message, e);
        }
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        GrabberSession s = session;
        if (s != null) {
            s.release();
        }
        listener.onState(SourceState.CLOSED, spec.describe());
    }
}
