package io.skilldesigner.engine.source;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.FramePool;

/**
 * One FFmpeg grabber and its converter, owned by a thread of its own: only that thread starts the grabber, grabs,
 * copies pixels and releases, so nothing is ever freed under a running native call (the stop crash). Callers ask
 * for the next image and wait with a time limit; a caller that gives up (stop, stalled camera) abandons the
 * session, whose thread releases the grabber as soon as FFmpeg returns. JavaCV 1.5.14 offers no interrupt callback
 * for URL inputs ({@code setTimeout} is stored but unused), so a native call cannot be cut short; FFmpeg's own
 * socket timeout (set by {@link RtspSource}) bounds how long an abandoned thread lives.
 */
final class GrabberSession {
    private static final System.Logger LOG = System.getLogger(GrabberSession.class.getName());

    static {
        // FFmpeg logs to stderr at INFO by default; SourceProblem turns its errors into our own messages, printed once.
        avutil.av_log_set_level(avutil.AV_LOG_FATAL);
    }

    /** What the owner thread answers: opened, an image (with its timestamp), the end, or the failure. */
    private record Answer(long request, FrameImage image, long micros, Exception failure) {
    }

    /** A decoded image and FFmpeg's timestamp of it (microseconds from the input's start). */
    private record Decoded(FrameImage image, long micros) {
    }

    private final Object lock = new Object();
    private final Thread owner;
    private long requested;
    private Answer answer;
    private boolean opened;
    private Exception openFailure;
    private boolean stopRequested;
    private boolean released;
    private volatile double frameRate;
    private volatile long framesInFile;
    private volatile String format = "";
    private final FrameRotation turn;
    private volatile FrameRotation byMatrix = FrameRotation.NONE;
    private volatile FrameRotation rotation = FrameRotation.NONE;
    private long lastMicros = -1;

    private final FramePool pool;

    private GrabberSession(String input, Consumer<FFmpegFrameGrabber> setup, FramePool pool, FrameRotation turn) {
        this.pool = pool;
        this.turn = turn;
        owner = new Thread(() -> own(input, setup), "sd-grabber-" + Integer.toHexString(System.identityHashCode(this)));
        owner.setDaemon(true);
    }

    /**
     * Starts opening {@code input} on the session's own thread; {@code setup} sets format and options first;
     * {@code turn} turns every frame after what the input's display matrix asks.
     */
    static GrabberSession open(String input, Consumer<FFmpegFrameGrabber> setup, FramePool pool, FrameRotation turn) {
        GrabberSession s = new GrabberSession(input, setup, pool, turn);
        s.owner.start();
        return s;
    }

    /** Opens and waits without a limit (files): the caller's thread may still be interrupted. */
    static GrabberSession start(String input, Consumer<FFmpegFrameGrabber> setup, FramePool pool, FrameRotation turn)
            throws FrameGrabber.Exception, InterruptedException {
        GrabberSession s = open(input, setup, pool, turn);
        try {
            s.awaitOpen(null);
        } catch (TimeoutException e) {
            throw new IllegalStateException("unreachable: no time limit", e);
        } catch (FrameGrabber.Exception | InterruptedException | RuntimeException e) {
            s.release(Duration.ZERO);
            throw e;
        }
        return s;
    }

    /** Waits until the grabber started; {@code limit} null = no limit. */
    void awaitOpen(Duration limit) throws FrameGrabber.Exception, TimeoutException, InterruptedException {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            while (!opened && openFailure == null) {
                waitUntil(deadline, "open");
            }
            rethrow(openFailure);
        }
    }

    /**
     * The next image as a pooled BGR image the caller holds once (and releases), or null at the end of the input. Throws TimeoutException when
     * none came within {@code limit} (null = no limit): the session is then stalled and should be released.
     */
    FrameImage grab(Duration limit) throws FrameGrabber.Exception, TimeoutException, InterruptedException {
        long deadline = limit == null ? Long.MAX_VALUE : System.nanoTime() + limit.toNanos();
        synchronized (lock) {
            if (released || stopRequested) {
                return null;
            }
            long request = ++requested;
            lock.notifyAll();
            while (answer == null || answer.request() != request) {
                if (released || stopRequested) {
                    return null;
                }
                waitUntil(deadline, "frame");
            }
            Answer a = answer;
            answer = null;
            rethrow(a.failure());
            lastMicros = a.micros();
            return a.image();
        }
    }

    private void waitUntil(long deadline, String what) throws InterruptedException, TimeoutException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new TimeoutException("no " + what + " in time");
        }
        TimeUnit.NANOSECONDS.timedWait(lock, Math.min(left, TimeUnit.SECONDS.toNanos(1)));
    }

    private static void rethrow(Exception e) throws FrameGrabber.Exception {
        if (e instanceof FrameGrabber.Exception fe) {
            throw fe;
        }
        if (e instanceof RuntimeException re) {
            throw re;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** FFmpeg's timestamp of the image {@link #grab} returned last, in microseconds from the input's start. */
    long lastTimestampMicros() {
        synchronized (lock) {
            return lastMicros;
        }
    }

    double frameRate() {
        return frameRate;
    }

    /** The demuxer FFmpeg picked (e.g. "mov,mp4,m4a,3gp,3g2,mj2", "rtsp", "tty"). */
    String format() {
        return format;
    }

    /** For the state line: how the frames are turned, by the input's display matrix and by the caller's turn. */
    String rotationNote() {
        return FrameRotation.note(byMatrix, turn);
    }

    /** How many frames the file's header announces (0 for live inputs or when unknown). */
    long framesInFile() {
        return framesInFile;
    }

    /** Asks the owner thread to stop (a waiting {@link #grab} returns null); frees nothing itself, so any thread may. */
    void requestStop() {
        synchronized (lock) {
            stopRequested = true;
            lock.notifyAll();
        }
    }

    /**
     * Asks the owner thread to release the grabber once its current call returns, and waits up to {@code wait}
     * for that. Safe from any thread and more than once. True when the grabber is released.
     */
    boolean release(Duration wait) {
        requestStop();
        try {
            owner.join(Math.max(1, wait.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lock) {
            if (!released) {
                LOG.log(System.Logger.Level.DEBUG, owner.getName() + " is still in FFmpeg; it releases when it returns");
            }
            return released;
        }
    }

    /** The owner thread: start, answer requests one by one, release. */
    private void own(String input, Consumer<FFmpegFrameGrabber> setup) {
        FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(input);
        OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
        try {
            grabber.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
            setup.accept(grabber);
            grabber.start();
            frameRate = grabber.getFrameRate();
            framesInFile = Math.max(0, grabber.getLengthInVideoFrames());
            format = grabber.getFormat() == null ? "" : grabber.getFormat();
            byMatrix = FrameRotation.fromDisplayMatrix(grabber.getDisplayRotation());
            rotation = byMatrix.then(turn);
            synchronized (lock) {
                opened = true;
                lock.notifyAll();
            }
            serve(grabber, converter);
        } catch (FrameGrabber.Exception | RuntimeException e) {
            synchronized (lock) {
                openFailure = e;
                lock.notifyAll();
            }
        } finally {
            try {
                grabber.release();
            } catch (FrameGrabber.Exception e) {
                // Nothing is left to recover; the caller has its answer already.
                LOG.log(System.Logger.Level.DEBUG, "release failed", e);
            }
            converter.close();
            synchronized (lock) {
                if (answer != null && answer.image() != null) {
                    answer.image().release(); // decoded after the caller gave up: nobody will take it
                    answer = null;
                }
                released = true;
                lock.notifyAll();
            }
        }
    }

    private void serve(FFmpegFrameGrabber grabber, OpenCVFrameConverter.ToMat converter) {
        long served = 0;
        while (true) {
            long request;
            synchronized (lock) {
                while (requested == served && !stopRequested) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        // Nobody interrupts this thread but us; treat it as a stop.
                        return;
                    }
                }
                if (stopRequested) {
                    return;
                }
                request = requested;
            }
            Answer a;
            try {
                Decoded d = copyNext(grabber, converter, pool, rotation);
                a = d == null ? new Answer(request, null, -1, null) : new Answer(request, d.image(), d.micros(), null);
            } catch (FrameGrabber.Exception | RuntimeException e) {
                a = new Answer(request, null, -1, e);
            }
            served = request;
            synchronized (lock) {
                answer = a;
                lock.notifyAll();
            }
        }
    }

    private static Decoded copyNext(FFmpegFrameGrabber grabber, OpenCVFrameConverter.ToMat converter,
                                    FramePool pool, FrameRotation rotation) throws FrameGrabber.Exception {
        Frame f = grabber.grabImage();
        if (f == null) {
            return null;
        }
        // The converter and grabber reuse their buffers on the next grab: one copy at decode, none afterwards,
        // into a pooled buffer that comes back when the frame's last consumer releases it (not at GC, which let
        // 1080p frames pile up to gigabytes before a collection). A turned input is turned in that same copy.
        return new Decoded(rotation.uprightCopy(converter.convert(f), pool), f.timestamp);
    }
}
