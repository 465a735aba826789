package io.skilldesigner.engine.export;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_ID_H264;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.engine.runtime.ExportMessageListener;

/**
 * The video snippet export's sender: encodes the frames of each clip to H.264 MP4 with FFmpeg, finalises the file
 * at the clip's end marker, uploads it when configured and reports it. Runs on the export's sender thread.
 */
final class SnippetWriter implements ExportQueue.Sender<SnippetWriter.Item>, AutoCloseable {
    /** What the frame thread hands over: frames of a clip, then its end. */
    sealed interface Item permits ClipFrame, ClipEnd {
    }

    /** A copy of a frame's pixels (owned by the writer from now on) and its capture time. */
    record ClipFrame(Clip clip, Mat bgr, long timestampMillis) implements Item {
    }

    record ClipEnd(Clip clip) implements Item {
    }

    /** One clip: file to write and, when uploading, blob name. */
    record Clip(long number, Path file, String blobName, long startMillis) {
    }

    private final String nodeId;
    private final String exportType;
    private final BlobUploader uploader;
    private final ExportMessageListener messages;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private final List<VideoClip> results = new CopyOnWriteArrayList<>();
    /** Used when a clip has a single frame, so no interval to measure. */
    static final double DEFAULT_FPS = 25;

    private Clip open;
    private ClipFrame waiting;
    private double rate;
    private FFmpegFrameRecorder recorder;
    private int frames;
    /** Frame slot (time / (1 / rate)) of the last frame written to the open clip; -1 before the first. */
    private long lastSlot = -1;
    private long first;
    private long last;

    SnippetWriter(String nodeId, String exportType, BlobUploader uploader, ExportMessageListener messages) {
        this.nodeId = nodeId;
        this.exportType = exportType;
        this.uploader = uploader;
        this.messages = messages;
    }

    @Override
    public void send(Item item) throws Exception {
        if (item instanceof ClipFrame f) {
            if (open != f.clip()) {
                finish();  // the previous clip's end marker was dropped: end it here
                open = f.clip();
                frames = 0;
            }
            if (recorder == null && waiting == null) {
                waiting = f;  // the frame rate comes from the first two frames' timestamps
                return;
            }
            if (recorder == null) {
                long interval = f.timestampMillis() - waiting.timestampMillis();
                start(f.bgr().cols(), f.bgr().rows(), interval > 0 ? 1000.0 / interval : DEFAULT_FPS);
            }
            record(f);
        } else if (item instanceof ClipEnd e && open == e.clip()) {
            finish();
        }
    }

    private void record(ClipFrame f) throws Exception {
        if (waiting != null) {
            ClipFrame w = waiting;
            waiting = null;
            record(w);
        }
        try (Mat bgr = f.bgr()) {
            // The rate comes from the first two frames; a later frame closer to its predecessor than 1/rate (an
            // unpaced or jittery source) would repeat its presentation time, which the MP4 muxer refuses
            // (av_interleaved_write_frame -22): it takes the next slot instead, so no frame is lost.
            long slot = Math.max(Math.round((f.timestampMillis() - open.startMillis()) * rate / 1000.0),
                    lastSlot + 1);
            recorder.setFrameNumber((int) slot);
            recorder.record(converter.convert(bgr));
            lastSlot = slot;
        }
        if (frames++ == 0) {
            first = f.timestampMillis();
        }
        last = f.timestampMillis();
    }

    private void start(int width, int height, double fps) throws Exception {
        Files.createDirectories(open.file().toAbsolutePath().getParent());
        FFmpegFrameRecorder r = new FFmpegFrameRecorder(open.file().toFile(), width, height, 0);
        r.setFormat("mp4");
        r.setVideoCodec(AV_CODEC_ID_H264);
        r.setPixelFormat(AV_PIX_FMT_YUV420P);
        r.setFrameRate(fps);
        r.setGopSize((int) Math.max(1, Math.round(fps)));
        r.setVideoBitrate(Math.max(500_000, width * height * 2));
        r.start();
        recorder = r;
        rate = fps;
        lastSlot = -1;
    }

    private void finish() throws Exception {
        if (open == null) {
            return;
        }
        if (recorder == null && waiting != null) {
            start(waiting.bgr().cols(), waiting.bgr().rows(), DEFAULT_FPS);  // a one-frame clip
        }
        if (waiting != null) {
            ClipFrame w = waiting;
            waiting = null;
            record(w);
        }
        Clip clip = open;
        int n = frames;
        open = null;
        if (recorder == null) {
            return;
        }
        try {
            recorder.stop();
        } finally {
            recorder.release();
            recorder = null;
        }
        String blobUrl = uploader == null ? "" : uploader.upload(clip.file(), clip.blobName());
        VideoClip r = new VideoClip(clip.file(), blobUrl, n, first, last);
        results.add(r);
        com.google.gson.JsonObject body = new com.google.gson.JsonObject();
        body.addProperty("file", clip.file().getFileName().toString());
        body.addProperty("frames", n);
        body.addProperty("duration_seconds", n == 0 ? 0 : (last - first) / 1000.0 + 1.0 / rate);
        if (!blobUrl.isEmpty()) {
            body.addProperty("blob", clip.blobName());
        }
        messages.onMessage(InsightExports.message(nodeId, exportType, blobUrl.isEmpty() ? clip.file().toString()
                : blobUrl, "", body.toString()));
    }

    List<VideoClip> results() {
        return List.copyOf(results);
    }

    /** Finalises a clip still open when the run stops, so its file is a playable MP4. */
    @Override
    public void close() throws Exception {
        finish();
    }
}
