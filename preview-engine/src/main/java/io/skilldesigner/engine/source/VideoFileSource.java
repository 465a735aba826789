package io.skilldesigner.engine.source;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import org.bytedeco.javacv.FrameGrabber;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.FramePool;

/**
 * A video file (MP4, AVI, MKV...), optionally looping. A file that is not a video (FFmpeg renders text files as
 * video through its "tty" demuxer) fails at open; one that ends well before the frame count its header announces
 * fails as truncated. Used by one thread; other threads may only {@link #cancel()}.
 */
public final class VideoFileSource implements FrameSource {
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    /** FFmpeg demuxers that turn non-video files into pictures: never a camera recording. */
    private static final Set<String> NOT_VIDEO = Set.of("tty", "bin", "idf", "adf", "xbin", "image2", "image2pipe");
    /** Headers estimate frame counts (variable frame rate, edit lists): only far fewer frames counts as truncation. */
    private static final double TRUNCATED_BELOW = 0.5;

    private final SourceSpec spec;
    private final SourceStateListener listener;
    private final FramePool pool = new FramePool(FrameSource.POOL_IDLE);
    private volatile GrabberSession session;
    private volatile boolean cancelled;
    private boolean closed;
    private long readInPass;
    /** Media time of the last image, and where the current pass starts on the looping time line. */
    private long mediaMicros = -1;
    private long passStartMicros;

    public VideoFileSource(SourceSpec spec, SourceStateListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    @Override
    public void open() throws SourceException, InterruptedException {
        Path path = Path.of(spec.location());
        if (!Files.isRegularFile(path)) {
            fail("video file not found: " + path.toAbsolutePath(), null);
        }
        listener.onState(SourceState.CONNECTING, "opening " + spec.describe());
        session = startSession(path);
        listener.onState(SourceState.LIVE, spec.describe() + session.rotationNote());
    }

    private GrabberSession startSession(Path path) throws SourceException, InterruptedException {
        GrabberSession s;
        try {
            s = GrabberSession.start(path.toString(), g -> { }, pool, spec.turnOrNone());
        } catch (FrameGrabber.Exception | RuntimeException e) {
            fail("cannot open video file " + path + ": "
                    + SourceProblem.of(e, path.toString(), spec.describe()).words(), e);
            return null; // unreachable: fail throws
        }
        String demuxer = s.format();
        if (NOT_VIDEO.stream().anyMatch(n -> demuxer.equals(n) || demuxer.startsWith(n + ","))) {
            s.release(RELEASE_WAIT);
            fail("not a video file: " + path + " (FFmpeg reads it as '" + demuxer + "')", null);
        }
        readInPass = 0;
        if (cancelled) {
            s.requestStop();
        }
        return s;
    }

    private void fail(String message, Throwable cause) throws SourceException {
        listener.onState(SourceState.FAILED, message);
        throw new SourceException(message, cause);
    }

    @Override
    public FrameImage read() throws SourceException, InterruptedException {
        GrabberSession s = session;
        if (s == null || cancelled) {
            return null;
        }
        FrameImage img = grab(s);
        if (img == null && !cancelled) {
            checkComplete(s);
        }
        if (img == null && spec.loop() && !cancelled && readInPass > 0) {
            passStartMicros = mediaMicros + frameMicros(s); // the next pass goes on one frame after this one
            s.release(RELEASE_WAIT);
            s = startSession(Path.of(spec.location()));
            session = s;
            img = grab(s);
        }
        // A file with no decodable frame would loop forever: treat as ended.
        if (img == null && !cancelled) {
            listener.onState(SourceState.ENDED, "end of " + spec.describe());
        }
        return img;
    }

    private FrameImage grab(GrabberSession s) throws SourceException, InterruptedException {
        try {
            FrameImage img = s.grab(null);
            if (img != null) {
                readInPass++;
                long t = passStartMicros + Math.max(0, s.lastTimestampMicros());
                // A container without usable timestamps (repeated or missing): one frame interval on.
                mediaMicros = t > mediaMicros ? t : mediaMicros + frameMicros(s);
            }
            return img;
        } catch (FrameGrabber.Exception | RuntimeException e) {
            if (cancelled) {
                return null;
            }
            fail("cannot decode " + spec.describe() + ": " + SourceProblem.of(e, spec.location(), spec.describe())
                    .words(), e);
            return null; // unreachable: fail throws
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("unreachable: no time limit", e);
        }
    }

    private void checkComplete(GrabberSession s) throws SourceException {
        long announced = s.framesInFile();
        if (announced > 0 && readInPass < announced * TRUNCATED_BELOW) {
            fail(spec.describe() + " is truncated or damaged: it ended after " + readInPass + " of the "
                    + announced + " frames its header announces", null);
        }
        if (readInPass == 0) {
            fail(spec.describe() + " has no decodable video frame", null);
        }
    }

    /** The frame interval the file announces (25 fps, FFmpeg's own guess, when it announces none). */
    private static long frameMicros(GrabberSession s) {
        double fps = s.frameRate();
        return Math.round(1e6 / (fps > 0 && Double.isFinite(fps) ? fps : 25));
    }

    @Override
    public long mediaTimeMicros() {
        return mediaMicros;
    }

    @Override
    public FramePool.Counters bufferCounters() {
        return pool.counters();
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void cancel() {
        cancelled = true;
        GrabberSession s = session;
        if (s != null) {
            s.requestStop();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        cancel();
        GrabberSession s = session;
        session = null;
        if (s != null) {
            s.release(RELEASE_WAIT);
        }
        pool.close();
        listener.onState(SourceState.CLOSED, spec.describe());
    }
}
