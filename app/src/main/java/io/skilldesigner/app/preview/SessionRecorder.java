package io.skilldesigner.app.preview;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;

/**
 * Records a preview session for replay: the frames the skill output, as an MP4 (replay it by choosing it as the
 * preview's video file), and the insights of each of those frames as JSON lines in the KAN insight shape, one
 * line per video frame in the same order. Writing happens on its own thread behind a bounded queue; when the
 * disk is slower than the run, frames are dropped from the recording (counted), never from the run.
 */
public final class SessionRecorder implements AutoCloseable {
    private static final int QUEUE = 64;
    private static final Frame END = new Frame("end", -1, 0, null, 0, 0, null, null);

    private final Path video;
    private final Path insights;
    private final InsightsJson json;
    private final double fps;
    private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<String> error = new AtomicReference<>("");
    private final Thread writer;

    public SessionRecorder(Path video, InsightsJson json, double fps) {
        this.video = video;
        this.insights = video.resolveSibling(video.getFileName().toString().replaceFirst("\\.mp4$", "") + ".insights.jsonl");
        this.json = json;
        this.fps = fps;
        writer = new Thread(this::writeLoop, "sd-session-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /** Called from the engine's output thread: never blocks. */
    public void offer(Frame frame) {
        if (frame.image() == null || !queue.offer(frame)) {
            dropped.incrementAndGet();
        }
    }

    private void writeLoop() {
        FFmpegFrameRecorder rec = null;
        try (OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            Files.createDirectories(video.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(insights, StandardCharsets.UTF_8)) {
                while (true) {
                    Frame f = queue.take();
                    if (f == END) {
                        break;
                    }
                    if (rec == null) {
                        rec = new FFmpegFrameRecorder(video.toFile(), f.width(), f.height(), 0);
                        rec.setFormat("mp4");
                        rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                        rec.setVideoQuality(3);
                        rec.setFrameRate(fps);
                        rec.start();
                    }
                    if (f.width() != rec.getImageWidth() || f.height() != rec.getImageHeight()) {
                        dropped.incrementAndGet(); // the source changed size mid-run: keep the file consistent
                        continue;
                    }
                    rec.record(conv.convert(f.image().mat()));
                    out.write(json.toJson(f));
                    out.newLine();
                    written.incrementAndGet();
                }
            }
        } catch (IOException e) {
            error.set("Recording to " + video + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (rec != null) {
                try {
                    rec.close();
                } catch (org.bytedeco.javacv.FrameRecorder.Exception e) {
                    error.compareAndSet("", "Closing " + video + " failed: " + e.getMessage());
                }
            }
        }
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Empty while all is well. */
    public String error() {
        return error.get();
    }

    public Path video() {
        return video;
    }

    public Path insights() {
        return insights;
    }

    /** Writes what is queued, then closes the files. */
    @Override
    public void close() throws InterruptedException {
        queue.put(END);
        writer.join(TimeUnit.SECONDS.toMillis(30));
    }
}
