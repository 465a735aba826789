package io.skilldesigner.engine.source;

import java.time.Duration;
import java.util.function.Consumer;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FrameGrabber;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.engine.frame.FrameImage;

/**
 * A live input (RTSP camera or webcam) that reconnects with exponential backoff when it cannot open or the stream
 * breaks: CONNECTING → LIVE → RECONNECTING → LIVE ..., or FAILED once the policy gives up.
 */
public class StreamSource implements FrameSource {
    private final SourceSpec spec;
    private final String input;
    private final Consumer<FFmpegFrameGrabber> setup;
    private final SourceStateListener listener;
    private final Object lock = new Object();
    private GrabberSession session;
    private volatile boolean closed;

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

    @Override
    public void open() throws SourceException, InterruptedException {
        listener.onState(SourceState.CONNECTING, "connecting to " + spec.describe());
        connect(false);
    }

    /** Tries until connected, closed, or the policy gives up. */
    private void connect(boolean afterLoss) throws SourceException, InterruptedException {
        int failures = 0;
        String lastError = "";
        while (!closed) {
            if (failures > 0 || afterLoss) {
                int attempt = afterLoss ? failures + 1 : failures;
                Duration wait = spec.reconnect().delayBefore(attempt);
                listener.onState(SourceState.RECONNECTING, "reconnecting to " + spec.describe() + " in "
                        + wait.toMillis() + " ms (attempt " + (failures + 1) + ")"
                        + (lastError.isEmpty() ? "" : ": " + lastError));
                Thread.sleep(wait.toMillis());
                if (closed) {
                    break;
                }
            }
            try {
                GrabberSession s = GrabberSession.start(input, setup);
                synchronized (lock) {
                    if (closed) {
                        s.release();
                        break;
                    }
                    session = s;
                }
                listener.onState(SourceState.LIVE, spec.describe() + " is live");
                return;
            } catch (FrameGrabber.Exception | RuntimeException e) {
                failures++;
                lastError = redact(e.getMessage());
                if (spec.reconnect().givesUpAfter(failures)) {
                    String message = "cannot connect to " + spec.describe() + " after " + failures
                            + " attempt(s): " + lastError;
                    listener.onState(SourceState.FAILED, message);
                    throw new SourceException(message, e);
                }
            }
        }
        throw new SourceException(spec.describe() + " was closed");
    }

    @Override
    public FrameImage read() throws SourceException, InterruptedException {
        while (!closed) {
            GrabberSession s;
            synchronized (lock) {
                s = session;
            }
            String lost;
            try {
                FrameImage img = s == null ? null : s.grab();
                if (img != null) {
                    return img;
                }
                lost = "stream ended";
            } catch (FrameGrabber.Exception | RuntimeException e) {
                lost = redact(e.getMessage());
            }
            if (closed) {
                break;
            }
            dropSession();
            listener.onState(SourceState.RECONNECTING, spec.describe() + " lost: " + lost);
            connect(true);
        }
        return null;
    }

    private void dropSession() {
        GrabberSession s;
        synchronized (lock) {
            s = session;
            session = null;
        }
        if (s != null) {
            s.release();
        }
    }

    private String redact(String message) {
        // FFmpeg quotes the input in its errors: never let a camera's password reach a message.
        return message == null ? "" : CameraInputNode.redact(message.replace(spec.location(), spec.describe()));
    }

    @Override
    public boolean isLive() {
        return true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        dropSession();
        listener.onState(SourceState.CLOSED, spec.describe());
    }
}
