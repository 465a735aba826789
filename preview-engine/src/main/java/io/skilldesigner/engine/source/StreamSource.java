package io.skilldesigner.engine.source;

import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.FramePool;

/**
 * A live input (RTSP camera or webcam): CONNECTING → LIVE → RECONNECTING → LIVE ..., or FAILED on a permanent error
 * (wrong path, password, codec) or once the give-up policy says so. A watchdog counts a stream without a frame for
 * {@link SourceSpec#readTimeout()} as lost, even while its connection stays open (a camera that locks up). Used by
 * one thread; other threads may only {@link #cancel()}.
 */
public class StreamSource implements FrameSource {
    /** How long close() waits for the grabber's thread to finish its current FFmpeg call. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(2);
    /** A stream live this long is stable again: the next loss starts without backoff. */
    static final Duration STABLE_AFTER = Duration.ofSeconds(10);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final SourceSpec spec;
    private final String input;
    private final Consumer<FFmpegFrameGrabber> setup;
    private final SourceStateListener listener;
    private final FramePool pool = new FramePool(FrameSource.POOL_IDLE);
    private final Object wake = new Object();
    private volatile boolean cancelled;
    private volatile GrabberSession session;
    private boolean closed;
    private boolean everLive;
    /** Failed attempts since the stream was last stable; sets the backoff. */
    private int failures;
    private long liveSinceNanos;
    private long downSinceNanos;
    private LocalTime downSince;

    /**
     * @param input the FFmpeg input string (URL or device)
     * @param setup sets format and options on each new grabber
     */
    public StreamSource(SourceSpec spec, String input, Consumer<FFmpegFrameGrabber> setup,
                        SourceStateListener listener) {
        this.spec = spec;
        this.input = input;
        this.setup = setup;
        this.listener = listener;
    }

    /** A problem found before connecting that no retry can fix (a malformed URL), or null. */
    protected SourceProblem checkBeforeConnecting() {
        return null;
    }

    @Override
    public void open() throws SourceException, InterruptedException {
        SourceProblem early = checkBeforeConnecting();
        if (early != null) {
            fail(early.words(), null);
        }
        listener.onState(SourceState.CONNECTING, "connecting to " + spec.describe());
        markDown();
        connect();
    }

    /** Tries until connected, cancelled, or failed for good. */
    private void connect() throws SourceException, InterruptedException {
        String lastError = "";
        while (!cancelled) {
            Duration wait = spec.reconnect().delayAfter(failures);
            if (failures > 0 || !lastError.isEmpty()) {
                LocalTime next = LocalTime.now().plus(wait).truncatedTo(ChronoUnit.SECONDS);
                listener.onState(SourceState.RECONNECTING, lastError + "; unreachable since " + CLOCK.format(downSince)
                        + ", next attempt at " + CLOCK.format(next) + " (in " + wait.toMillis() + " ms, attempt "
                        + (failures + 1) + ")");
            }
            if (!pause(wait)) {
                break;
            }
            SourceProblem problem = attempt();
            if (problem == null) {
                return;
            }
            failures++;
            lastError = problem.words();
            if (problem.permanent() && !everLive) {
                // A camera that worked before may answer 404/401 while it boots: only a first connection fails at once.
                fail(problem.words(), null);
            }
            Duration down = Duration.ofNanos(System.nanoTime() - downSinceNanos);
            if (spec.reconnect().givesUpAfter(failures) || spec.reconnect().givesUpAfter(down)) {
                fail("cannot connect to " + spec.describe() + " after " + failures + " attempt(s), unreachable since "
                        + CLOCK.format(downSince) + ": " + problem.words(), null);
            }
        }
        throw new SourceException(spec.describe() + " was closed");
    }

    /** One connection attempt: null when live, else what went wrong. */
    private SourceProblem attempt() throws InterruptedException {
        GrabberSession s = GrabberSession.open(input, setup, pool, spec.turnOrNone());
        session = s;
        if (cancelled) {
            s.requestStop();
            return null;
        }
        // FFmpeg's own socket timeout normally answers first; this limit covers what it does not (a slow probe).
        Duration limit = spec.openTimeout().plusSeconds(2);
        try {
            s.awaitOpen(limit);
        } catch (TimeoutException e) {
            abandon(s);
            return SourceProblem.transientProblem("no answer from " + spec.describe() + " within "
                    + limit.toSeconds() + " s");
        } catch (FrameGrabber.Exception | RuntimeException e) {
            abandon(s);
            return SourceProblem.of(e, spec.location(), spec.describe());
        } catch (InterruptedException e) {
            abandon(s);
            throw e;
        }
        everLive = true;
        liveSinceNanos = System.nanoTime();
        listener.onState(SourceState.LIVE, spec.describe() + " is live" + s.rotationNote());
        return null;
    }

    /** Waits out the backoff; false when cancelled meanwhile. */
    private boolean pause(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        synchronized (wake) {
            while (!cancelled) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return true;
                }
                TimeUnit.NANOSECONDS.timedWait(wake, left);
            }
        }
        return false;
    }

    @Override
    public FrameImage read() throws SourceException, InterruptedException {
        while (!cancelled) {
            GrabberSession s = session;
            String lost;
            try {
                FrameImage img = s == null ? null : s.grab(spec.readTimeout());
                if (img != null) {
                    if (failures > 0 && System.nanoTime() - liveSinceNanos >= STABLE_AFTER.toNanos()) {
                        failures = 0;
                    }
                    return img;
                }
                lost = "stream ended";
            } catch (TimeoutException e) {
                lost = "no frames for " + spec.readTimeout().toSeconds() + " s";
            } catch (FrameGrabber.Exception | RuntimeException e) {
                lost = SourceProblem.of(e, spec.location(), spec.describe()).words();
            }
            if (cancelled) {
                break;
            }
            abandon(s);
            markDown();
            listener.onState(SourceState.RECONNECTING, spec.describe() + " lost: " + lost);
            connect();
        }
        return null;
    }

    private void markDown() {
        downSinceNanos = System.nanoTime();
        downSince = LocalTime.now();
    }

    /** Lets go of a session without waiting: its own thread releases the grabber when FFmpeg returns. */
    private void abandon(GrabberSession s) {
        if (s != null) {
            s.requestStop();
        }
        if (session == s) {
            session = null;
        }
    }

    private void fail(String message, Throwable cause) throws SourceException {
        listener.onState(SourceState.FAILED, message);
        throw new SourceException(message, cause);
    }

    @Override
    public FramePool.Counters bufferCounters() {
        return pool.counters();
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public void cancel() {
        cancelled = true;
        GrabberSession s = session;
        if (s != null) {
            s.requestStop();
        }
        synchronized (wake) {
            wake.notifyAll();
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
