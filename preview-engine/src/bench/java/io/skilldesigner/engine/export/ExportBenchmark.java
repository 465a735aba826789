package io.skilldesigner.engine.export;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import com.sun.net.httpserver.HttpServer;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;

/**
 * Not a test: run its main (see BENCHMARKS.md). (1) the HTTP export's {@code process()} cost on the frame thread
 * and its sustained POST rate to a local server; (2) the video snippet export's encode rate (H.264, OpenH264)
 * at 640×480 and 1280×720 with the overlay on.
 */
public final class ExportBenchmark {
    private ExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("export-bench");
        http(dir);
        video(dir, 640, 480);
        video(dir, 1280, 720);
    }

    private static void http(Path dir) throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/in", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.sendResponseHeaders(204, -1);
            ex.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
        ExportTestSupport t = new ExportTestSupport(dir, false);
        int n = 5000;
        long[] nanos = new long[n];
        long start;
        long end;
        CountedExport export = (CountedExport) new HttpExportRuntimeFactory().create(new HttpExportNode().newNode("h"),
                EffectiveSettings.of(new HttpExportNode(), "h", Map.of(HttpExportNode.URL_KEY,
                        "http://127.0.0.1:" + server.getAddress().getPort() + "/in")), t.context);
        try {
            for (int i = 0; i < 500; i++) {  // warm-up
                export.process(ExportTestSupport.frame(i, 5));
                export.awaitIdle(Duration.ofSeconds(10));
            }
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                Frame f = ExportTestSupport.frame(i, 5);
                long t0 = System.nanoTime();
                export.process(f);
                nanos[i] = System.nanoTime() - t0;
                if (export.counters().queued() > InsightExports.QUEUE_CAPACITY / 2) {
                    export.awaitIdle(Duration.ofSeconds(10));  // measure throughput without drops
                }
            }
            export.awaitIdle(Duration.ofSeconds(60));
            end = System.nanoTime();
        } finally {
            export.close();
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "HTTP export, 5 objects: process() p50 %.1f µs, p95 %.1f µs; %.0f POST/s"
                        + " sustained; counters %s%n", nanos[n / 2] / 1e3, nanos[(int) (n * 0.95)] / 1e3,
                n / ((end - start) / 1e9), export.counters());
    }

    private static void video(Path dir, int w, int h) throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        FrameImage img = new FrameImage(new Mat(h, w, opencv_core.CV_8UC3, new Scalar(90, 120, 150, 0)));
        Map<String, Object> s = new HashMap<>(Map.of(VideoSnippetExportNode.DURATION_SECONDS, 20L,
                VideoSnippetExportNode.OUTPUT_FOLDER, dir.resolve("clips").toString()));
        VideoSnippetExport export = (VideoSnippetExport) new VideoSnippetExportRuntimeFactory()
                .create(new VideoSnippetExportNode().newNode("v"), EffectiveSettings.of(new VideoSnippetExportNode(), "v", s),
                        t.context);
        int frames = 300;  // 20 s at 15 fps, fed as fast as the encoder takes them
        long[] nanos = new long[frames];
        long start = System.nanoTime();
        for (int i = 0; i < frames; i++) {
            Frame f = new Frame("f" + i, i, ExportTestSupport.START_MS + i * 66L, img, w, h, List.of(
                    DetectedObject.of("person", 0.9f, new BBox(0.1f + i * 0.002f, 0.2f, 0.2f, 0.5f)),
                    DetectedObject.of("car", 0.8f, new BBox(0.5f, 0.5f, 0.3f, 0.2f))), List.of());
            long t0 = System.nanoTime();
            export.process(f);
            nanos[i] = System.nanoTime() - t0;
            while (export.counters().queued() > VideoSnippetExport.QUEUE_CAPACITY / 2) {
                Thread.sleep(1);  // don't measure drops: keep the queue half full
            }
        }
        export.close();
        long end = System.nanoTime();
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "Video snippet %dx%d: process() (copy + overlay) p50 %.2f ms; encode %.1f"
                        + " frames/s; clip frames %d; counters %s%n", w, h, nanos[frames / 2] / 1e6,
                frames / ((end - start) / 1e9), export.clips().get(0).frames(), export.counters());
    }
}
