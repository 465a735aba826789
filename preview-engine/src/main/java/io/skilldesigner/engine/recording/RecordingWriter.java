package io.skilldesigner.engine.recording;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.FrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;

/**
 * Writes a recording: each frame's pixels as the source delivered them (no overlays; the engine never draws
 * into a frame) into a lossless FFV1/Matroska video, so that a replay sees exactly the pixels the skill saw, its
 * insights as one JSON line, and on close the manifest. Not thread-safe: one writer thread.
 */
public final class RecordingWriter implements AutoCloseable {
    private final RecordingFiles files;
    private final InsightsJson json;
    private final double fps;
    private final String skillId;
    private final String skillSha256;
    private final BufferedWriter insights;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private FFmpegFrameRecorder video;
    private long written;
    private long dropped;

    /** @param skillSha256 the {@link SkillChecksum} of the skill being recorded */
    public RecordingWriter(RecordingFiles files, InsightsJson json, double fps, String skillId, String skillSha256)
            throws IOException {
        this.files = files;
        this.json = json;
        this.fps = fps;
        this.skillId = skillId;
        this.skillSha256 = skillSha256;
        Files.createDirectories(files.video().toAbsolutePath().getParent());
        insights = Files.newBufferedWriter(files.insights(), StandardCharsets.UTF_8);
    }

    /** Writes the frame and its insights; a frame without pixels or of another size is counted as dropped. */
    public void write(Frame f) throws IOException {
        if (f.image() == null) {
            dropped++;
            return;
        }
        if (video == null) {
            video = new FFmpegFrameRecorder(files.video().toFile(), f.width(), f.height(), 0);
            video.setFormat("matroska");
            video.setVideoCodecName("ffv1");
            video.setFrameRate(fps);
            try {
                video.start();
            } catch (FrameRecorder.Exception e) {
                throw new IOException("cannot start recording " + files.video() + ": " + e.getMessage(), e);
            }
        }
        if (f.width() != video.getImageWidth() || f.height() != video.getImageHeight()) {
            dropped++; // the source changed size mid-run: keep the file consistent
            return;
        }
        try {
            video.record(converter.convert(f.image().mat()));
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot write frame " + f.frameId() + " to " + files.video() + ": "
                    + e.getMessage(), e);
        }
        insights.write(json.toJson(f));
        insights.newLine();
        written++;
    }

    /** Counts a frame that never reached the writer (the recorder's queue was full). */
    public void countDropped() {
        dropped++;
    }

    public long written() {
        return written;
    }

    public long dropped() {
        return dropped;
    }

    public RecordingFiles files() {
        return files;
    }

    /** Closes the video and the insights, then writes the manifest. */
    @Override
    public void close() throws IOException {
        try (insights; converter) {
            if (video != null) {
                video.close();
            }
        } catch (FrameRecorder.Exception e) {
            throw new IOException("cannot finish " + files.video() + ": " + e.getMessage(), e);
        }
        int w = video == null ? 0 : video.getImageWidth();
        int h = video == null ? 0 : video.getImageHeight();
        new RecordingManifest(RecordingManifest.CURRENT_FORMAT_VERSION, skillId, skillSha256,
                EngineVersion.current(), fps, w, h, written, dropped).write(files.manifest());
    }
}
