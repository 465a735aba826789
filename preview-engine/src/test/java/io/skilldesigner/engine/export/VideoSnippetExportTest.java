package io.skilldesigner.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobItem;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.runtime.ExportMessage;

class VideoSnippetExportTest {
    private static final int W = 640;
    private static final int H = 480;

    @TempDir
    Path dir;

    /** Frame {@code seq} at 10 fps: a grey image with one person box at (0.25, 0.25)-(0.75, 0.75). */
    private static Frame frame(long seq, FrameImage grey) {
        DetectedObject person = DetectedObject.of("person", 0.9f, new BBox(0.25f, 0.25f, 0.5f, 0.5f));
        return new Frame("f" + seq, seq, ExportTestSupport.START_MS + seq * 100, grey, W, H, List.of(person),
                List.of());
    }

    private static FrameImage grey() {
        return new FrameImage(new Mat(H, W, opencv_core.CV_8UC3, new Scalar(100, 100, 100, 0)));
    }

    private VideoSnippetExport export(ExportTestSupport t, Map<String, Object> extra) {
        Map<String, Object> s = new HashMap<>(Map.of(VideoSnippetExportNode.DURATION_SECONDS, 2L,
                VideoSnippetExportNode.DELAY_MINUTES, 1L, VideoSnippetExportNode.FILENAME_PREFIX, "door"));
        s.putAll(extra);
        return (VideoSnippetExport) new VideoSnippetExportRuntimeFactory()
                .create(new VideoSnippetExportNode().newNode("video"),
                        EffectiveSettings.of(new VideoSnippetExportNode(), "video", s), t.context);
    }

    @Test
    void recordsOneClipPerDelayWindowAsPlayableH264WithTheExpectedFramesAndOverlay() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        FrameImage grey = grey();
        VideoSnippetExport export = export(t, Map.of());
        try {
            for (int seq = 0; seq < 650; seq++) {  // 65 s at 10 fps: clips start at 0 s and 60 s
                Frame f = frame(seq, grey);
                assertEquals(f, export.process(f));
                // the loop feeds frames far faster than the 10 fps they stand for; give the encoder the time a
                // real source would, so the check below is about the clips, not about this machine's load
                assertTrue(export.awaitIdle(java.time.Duration.ofSeconds(10)), "encoder idle after frame " + seq);
            }
        } finally {
            export.close();
        }
        assertEquals(0, export.counters().lost(), "no frame of a clip is lost when frames come at their real pace");
        List<VideoClip> clips = export.clips();
        assertEquals(2, clips.size());
        assertEquals(dir.resolve("snippets/door-inst-1-20231114T221320Z.mp4"), clips.get(0).file());
        assertEquals(dir.resolve("snippets/door-inst-1-20231114T221420Z.mp4"), clips.get(1).file());
        for (VideoClip c : clips) {
            assertEquals(20, c.frames());
            assertEquals("", c.blobUrl());
        }
        assertEquals(2, t.messages.size());
        JsonObject body = JsonParser.parseString(t.messages.get(0).body()).getAsJsonObject();
        assertEquals("door-inst-1-20231114T221320Z.mp4", body.get("file").getAsString());
        assertEquals(20, body.get("frames").getAsInt());

        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(clips.get(0).file().toFile());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat()) {
            g.start();
            assertEquals(avcodec.AV_CODEC_ID_H264, g.getVideoCodec());
            assertEquals(W, g.getImageWidth());
            assertEquals(H, g.getImageHeight());
            assertEquals(2.0, g.getLengthInTime() / 1e6, 0.05, "clip length in seconds");
            assertEquals(10.0, g.getFrameRate(), 0.01);
            int frames = 0;
            double greenOnBoxEdge = 0;
            double greenInside = 0;
            org.bytedeco.javacv.Frame f;
            while ((f = g.grabImage()) != null) {
                if (frames++ == 5) {
                    Mat m = conv.convert(f);
                    // top edge of the box: row 120 (+ thickness), columns 200..440; inside: row 240
                    greenOnBoxEdge = greenExcess(m, 121);
                    greenInside = greenExcess(m, 240);
                }
            }
            assertEquals(20, frames);
            assertTrue(greenOnBoxEdge > 40, "box drawn: green excess on its edge " + greenOnBoxEdge);
            assertTrue(greenInside < 10, "box interior untouched: green excess " + greenInside);
        }
        assertFalse(grey.mat().isNull());
        assertEquals(100.0, opencv_core.mean(grey.mat()).get(1), 1e-9, "the shared frame image is never drawn on");
    }

    /**
     * An unpaced source (a file read as fast as it decodes, a camera's jitter): frames closer together than the
     * rate the first two gave must still all be written, in order, without the muxer refusing a repeated time.
     */
    @Test
    void framesCloserThanTheFirstIntervalAreAllWritten() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        FrameImage grey = grey();
        VideoSnippetExport export = export(t, Map.of());
        long[] offsets = {0, 100, 133, 166, 200, 210, 300};
        try {
            for (int i = 0; i < offsets.length; i++) {
                DetectedObject person = DetectedObject.of("person", 0.9f, new BBox(0.25f, 0.25f, 0.5f, 0.5f));
                export.process(new Frame("f" + i, i, ExportTestSupport.START_MS + offsets[i], grey, W, H,
                        List.of(person), List.of()));
                assertTrue(export.awaitIdle(java.time.Duration.ofSeconds(10)), "encoder idle after frame " + i);
            }
        } finally {
            export.close();
        }
        assertEquals(0, export.counters().failed(), "no frame refused by the muxer");
        assertEquals(1, export.clips().size());
        assertEquals(offsets.length, export.clips().get(0).frames());
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(export.clips().get(0).file().toFile())) {
            g.start();
            int frames = 0;
            long previous = -1;
            while (g.grabImage() != null) {
                assertTrue(g.getTimestamp() > previous, "presentation times increase: " + g.getTimestamp());
                previous = g.getTimestamp();
                frames++;
            }
            assertEquals(offsets.length, frames);
        }
    }

    /** Mean of G minus mean of R over columns 200..440 of one row. */
    private static double greenExcess(Mat m, int row) {
        double g = 0;
        double r = 0;
        org.bytedeco.javacpp.indexer.UByteIndexer idx = m.createIndexer();
        for (int x = 200; x < 440; x++) {
            g += idx.get(row, x, 1);
            r += idx.get(row, x, 2);
        }
        idx.close();
        return (g - r) / 240.0;
    }

    @Test
    void uploadsClipsToBlobStorageUnderInstanceSkillAndDevice() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        try (Azurite azurite = new Azurite(dir)) {
            VideoSnippetExport export = export(t, Map.of(VideoSnippetExportNode.UPLOAD, true,
                    VideoSnippetExportNode.BLOB_CONNECTION_STRING, azurite.connectionString(),
                    VideoSnippetExportNode.BLOB_CONTAINER, "clips", VideoSnippetExportNode.DURATION_SECONDS, 1L,
                    VideoSnippetExportNode.INSIGHTS_OVERLAY, false));
            FrameImage grey = grey();
            try {
                for (int seq = 0; seq < 15; seq++) {
                    export.process(frame(seq, grey));
                }
            } finally {
                export.close();
            }
            List<VideoClip> clips = export.clips();
            assertEquals(1, clips.size());
            assertEquals(10, clips.get(0).frames());
            String blobName = "video-snippet/inst-1/skill-1/device-1/door-inst-1-20231114T221320Z.mp4";
            assertEquals("http://127.0.0.1:" + azurite.port + "/devstoreaccount1/clips/" + blobName,
                    clips.get(0).blobUrl());

            BlobContainerClient container = new BlobServiceClientBuilder()
                    .connectionString(azurite.connectionString()).buildClient().getBlobContainerClient("clips");
            List<BlobItem> blobs = container.listBlobs().stream().toList();
            assertEquals(List.of(blobName), blobs.stream().map(BlobItem::getName).toList());
            assertEquals(Files.size(clips.get(0).file()), blobs.get(0).getProperties().getContentLength());

            ExportMessage m = t.messages.get(0);
            assertEquals(clips.get(0).blobUrl(), m.target());
            assertEquals(blobName, JsonParser.parseString(m.body()).getAsJsonObject().get("blob").getAsString());
            for (ExportMessage msg : t.messages) {
                assertFalse(msg.body().contains(Azurite.ACCOUNT_KEY) || msg.target().contains(Azurite.ACCOUNT_KEY));
            }
        }
    }

    @Test
    void storageDownKeepsTheClipLocallyReportsErrorAndNeverShowsTheKey() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        String unreachable = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
                + Azurite.ACCOUNT_KEY + ";BlobEndpoint=http://127.0.0.1:" + ExportTestSupport.freePort()
                + "/devstoreaccount1;";
        VideoSnippetExport export = export(t, Map.of(VideoSnippetExportNode.UPLOAD, true,
                VideoSnippetExportNode.BLOB_CONNECTION_STRING, unreachable, VideoSnippetExportNode.DURATION_SECONDS, 1L));
        FrameImage grey = grey();
        try {
            for (int seq = 0; seq < 12; seq++) {
                export.process(frame(seq, grey));
            }
        } finally {
            export.close();
        }
        assertEquals(1, export.counters().failed(), "the clip's upload failed");
        assertEquals(10, export.counters().sent(), "its 10 frames were encoded");
        assertTrue(export.clips().isEmpty());
        Path file = dir.resolve("snippets/door-inst-1-20231114T221320Z.mp4");
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(file.toFile())) {
            g.start();
            assertEquals(10, g.getLengthInFrames(), "the local clip is complete");
        }
        assertTrue(t.statuses.stream().anyMatch(s -> s.state() == io.skilldesigner.engine.runtime.NodeState.ERROR
                && s.message().contains("upload of door-inst-1-20231114T221320Z.mp4")), t.statuses.toString());
        for (var s : t.statuses) {
            assertFalse(s.message().contains(Azurite.ACCOUNT_KEY.substring(0, 20)), s.message());
        }
    }
}
