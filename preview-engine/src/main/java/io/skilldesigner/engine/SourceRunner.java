package io.skilldesigner.engine;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.metrics.NodeMetricsRecorder;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.source.FramePacer;
import io.skilldesigner.engine.source.FrameSource;
import io.skilldesigner.engine.source.FrameStamps;
import io.skilldesigner.engine.source.SourceException;

/**
 * A source's thread: opens it, decodes, paces to the desired fps and hands each frame to the source's children.
 * Decoding never waits for the pipeline: a frame the children have not taken yet is replaced by the newer one
 * and counted as a drop (unless the run is lossless, for batch runs and benchmarks).
 * <p>
 * A file with a time line plays as the camera that recorded it would deliver: at its own rate, sub-sampled to the
 * desired fps on its own clock (a 30 fps file in a 10 fps skill: every third frame), each frame stamped with the
 * run's start plus its media time. Unpaced, every frame goes out at once with the same stamps. So speeds, dwell
 * times and counter windows come out as in front of the camera, whatever the skill's fps or the machine's speed
 * (before, each frame took one tick of the desired fps, stamped with the wall clock: a 15 fps file in a 30 fps
 * skill played twice as fast and its objects moved twice as fast).
 */
final class SourceRunner implements Runnable {
    /** How far behind its real-time schedule a file may fall before playing resumes from now. */
    private static final long MAX_LAG_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final String nodeId;
    private final FrameSource source;
    private final FramePacer pacer;
    private final List<FrameSlot> children;
    private final NodeMetricsRecorder metrics;
    private final EngineEvents events;
    private final boolean lossless;
    private final boolean output;
    private final FrameStamps stamps;
    private final AtomicReference<String> failure = new AtomicReference<>();
    private volatile boolean stopping;
    /** A file's time line: its first frame's media time, and when (wall clock, nanoTime) that frame went out. */
    private long firstMediaMicros = -1;
    private long firstWallMillis;
    private long playStartNanos;

    SourceRunner(String nodeId, FrameSource source, FramePacer pacer, List<FrameSlot> children,
                 NodeMetricsRecorder metrics, EngineEvents events, boolean lossless, boolean output,
                 FrameStamps stamps) {
        this.nodeId = nodeId;
        this.source = source;
        this.pacer = pacer;
        this.children = List.copyOf(children);
        this.metrics = metrics;
        this.events = events;
        this.lossless = lossless;
        this.output = output;
        this.stamps = stamps;
    }

    /** Why the source stopped for good, or null when it ended normally or was stopped. */
    String failure() {
        return failure.get();
    }

    @Override
    public void run() {
        try {
            source.open();
            long sequence = 0;
            while (!stopping) {
                long t0 = System.nanoTime();
                FrameImage img = source.read();
                if (img == null) {
                    break;
                }
                // A source's latency is its decode time (a live source's includes waiting for the camera).
                metrics.latencyNanos(System.nanoTime() - t0);
                metrics.frameIn();
                // This thread holds the image once from read() on; each child's slot gets its own reference.
                try {
                    long media = source.isLive() ? -1 : source.mediaTimeMicros();
                    if (!(media < 0 ? pace() : paceOnMediaClock(media))) {
                        continue;
                    }
                    FrameStamps.Stamp stamp = stamps.stamp(sequence++, media < 0 ? System.currentTimeMillis()
                            : firstWallMillis + (media - firstMediaMicros) / 1000);
                    Frame frame = Frame.of(stamp.sequence(), stamp.timestampMillis(), img);
                    metrics.frameOut();
                    events.nodeOutput(nodeId, frame, output);
                    hand(frame);
                } finally {
                    img.release();
                }
            }
        } catch (SourceException e) {
            if (!stopping) {
                // The source already reported FAILED (which the engine shows as ERROR on its badge).
                failure.set(e.getMessage());
                metrics.error(e.getMessage());
                if (metrics.state(NodeState.ERROR) != NodeState.ERROR) {
                    events.nodeStatus(nodeId, NodeState.ERROR, e.getMessage());
                }
            }
        } catch (InterruptedException e) {
            // Stop requested while waiting (pacing, backoff, a full slot): just leave.
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            // A decoder bug must not take the process down: report it as this source's failure.
            String message = "source " + nodeId + " failed: " + e;
            failure.set(message);
            metrics.error(message);
            metrics.state(NodeState.ERROR);
            events.nodeStatus(nodeId, NodeState.ERROR, message);
        } finally {
            children.forEach(FrameSlot::producerDone);
            source.close();
        }
    }

    /**
     * A file's frame on its own clock: whether it is one to keep at the desired fps (decided on media time, so the
     * same frames are kept on any machine), and when paced, waits until it is due in real time. Behind by more than
     * {@link #MAX_LAG_NANOS} (a stall, a slow lossless pipeline), playing resumes from now rather than bursting.
     */
    private boolean paceOnMediaClock(long mediaMicros) throws InterruptedException {
        long now = System.nanoTime();
        if (firstMediaMicros < 0) {
            firstMediaMicros = mediaMicros;
            firstWallMillis = System.currentTimeMillis();
            playStartNanos = now;
        }
        long offset = (mediaMicros - firstMediaMicros) * 1000;
        if (!pacer.admit(offset)) {
            return false;
        }
        if (pacer.intervalNanos() == 0) {
            return true; // unpaced: every frame, at once
        }
        long wait = playStartNanos + offset - now;
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        } else if (-wait > MAX_LAG_NANOS) {
            playStartNanos -= wait;
        }
        return true;
    }

    /** Live: whether this frame is one to keep at the desired fps. Other sources: waits for the frame's tick. */
    private boolean pace() throws InterruptedException {
        long now = System.nanoTime();
        if (source.isLive()) {
            return pacer.admit(now);
        }
        long delay = pacer.delayNanos(now);
        if (delay > 0) {
            TimeUnit.NANOSECONDS.sleep(delay);
        }
        pacer.emitted(System.nanoTime());
        return true;
    }

    private void hand(Frame frame) throws InterruptedException {
        if (lossless) {
            for (FrameSlot child : children) {
                frame.image().retain();
                child.put(frame);
            }
            return;
        }
        boolean dropped = false;
        for (FrameSlot child : children) {
            frame.image().retain();
            dropped |= child.offerLatest(frame);
        }
        if (dropped) {
            metrics.drop();
        }
    }

    /**
     * Asks the loop to end: cancelling unblocks a pending read. The source is closed by this runner's own thread
     * (in {@link #run()}), never here, so no native buffer is freed while that thread still decodes into it.
     */
    void stop() {
        stopping = true;
        source.cancel();
    }
}
