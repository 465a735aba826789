package io.skilldesigner.engine.export;

import io.skilldesigner.engine.insights.InsightsOverlay;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * Records a clip of {@code duration} (frame time) at most once per {@code delay}, starting with the first frame
 * that has pixels once the delay has passed, as KAN does (KAN starts right away too). Frames are copied (with
 * insights drawn when asked) on the frame thread and encoded on the export's own thread; when the encoder falls
 * behind, frames are dropped and counted, never waited for.
 */
public final class VideoSnippetExport implements CountedExport {
    /** Frame copies waiting for the encoder: about one second of 30 fps video. */
    static final int QUEUE_CAPACITY = 32;
    /** File names carry the clip's start in ISO 8601 basic format (no ':', which Windows forbids). */
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    /** What the export needs from the node's settings. */
    record Config(String prefix, Duration duration, Duration delay, boolean overlay, Path folder, boolean upload) {
    }

    private final String nodeId;
    private final io.skilldesigner.engine.runtime.NodeStatusListener status;
    private final Config config;
    private final java.util.List<io.skilldesigner.core.catalog.FrameShape> shapes;
    private final RunIdentity identity;
    private final ExportQueue<SnippetWriter.Item> queue;
    private final SnippetWriter writer;
    private SnippetWriter.Clip recording;
    private SnippetWriter.ClipEnd pendingEnd;
    private long lastStartMillis;
    private long clips;

    /** @param shapes the skill's zones and lines, drawn when the overlay is on */
    VideoSnippetExport(String nodeId, Config config, RunIdentity identity, SnippetWriter writer,
                       io.skilldesigner.engine.runtime.NodeStatusListener status,
                       java.util.List<io.skilldesigner.core.catalog.FrameShape> shapes) {
        this.shapes = java.util.List.copyOf(shapes);
        this.config = config;
        this.identity = identity;
        this.writer = writer;
        this.nodeId = nodeId;
        this.status = status == null ? io.skilldesigner.engine.runtime.NodeStatusListener.NONE : status;
        this.queue = new ExportQueue<>(nodeId, QUEUE_CAPACITY, writer, status);
    }

    @Override
    public Frame process(Frame frame) {
        if (frame.image() == null) {
            return frame;  // metadata-only frames have nothing to record
        }
        long t = frame.timestampMillis();
        if (pendingEnd != null && queue.offer(pendingEnd)) {
            pendingEnd = null;
        }
        if (recording != null && t - recording.startMillis() >= config.duration().toMillis()) {
            end();
        }
        if (recording == null && (clips == 0 || t - lastStartMillis >= config.delay().toMillis())) {
            recording = newClip(t);
        }
        if (recording != null) {
            Mat copy = InsightsOverlay.draw(frame, config.overlay(), shapes);
            if (!queue.offer(new SnippetWriter.ClipFrame(recording, copy, t))) {
                copy.close();  // dropped: free the pixels now rather than when the GC gets to them
            }
        }
        return frame;
    }

    private SnippetWriter.Clip newClip(long t) {
        clips++;
        lastStartMillis = t;
        String name = config.prefix() + "-" + identity.instanceId() + "-" + FILE_TIME.format(Instant.ofEpochMilli(t))
                + ".mp4";
        String blob = "video-snippet/" + identity.instanceId() + "/" + identity.skillId() + "/" + identity.deviceId()
                + "/" + name;
        return new SnippetWriter.Clip(clips, config.folder().resolve(name), config.upload() ? blob : "", t);
    }

    private void end() {
        SnippetWriter.ClipEnd e = new SnippetWriter.ClipEnd(recording);
        recording = null;
        if (!queue.offer(e)) {
            pendingEnd = e;  // retried with the next frame; the writer also ends a clip when the next one starts
        }
    }

    /** Clips written (and uploaded) so far. */
    public List<VideoClip> clips() {
        return writer.results();
    }

    /** Counts frames (and clip end markers) handed to the encoder. */
    @Override
    public ExportCounters counters() {
        return queue.counters();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return queue.awaitIdle(timeout);
    }

    /** Ends the clip being recorded (shorter than asked if the run stops early) and waits for the encoder. */
    @Override
    public void close() throws Exception {
        if (recording != null) {
            end();
        }
        if (pendingEnd != null) {
            queue.offer(pendingEnd);
        }
        if (queue.close(Duration.ofSeconds(30))) {
            writer.close();
        } else {
            // The encoder thread is still inside FFmpeg; finishing the file from here could crash natively.
            status.onStatus(nodeId, io.skilldesigner.engine.runtime.NodeState.ERROR,
                    "the video encoder did not stop in time; the last clip may be incomplete");
        }
    }
}
