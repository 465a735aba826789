package io.skilldesigner.engine.grpc;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.grpc.Deadline;
import io.grpc.StatusRuntimeException;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * Checks any endpoint against the custom node protocol: handshake, then test frames of several sizes (some with
 * an object to label), checking that boxes are normalised and labels non-empty, that declared images come back
 * and decode, and measuring round-trip latency.
 */
public final class ConformanceChecker {
    /** Frame sizes tried, smallest first: QVGA, VGA, 720p, 1080p. */
    public static final List<int[]> SIZES = List.of(new int[] {320, 240}, new int[] {640, 480},
            new int[] {1280, 720}, new int[] {1920, 1080});
    private static final RunIdentity IDENTITY = new RunIdentity("conformance", "conformance-check", "designer");

    private final GrpcNodeConfig config;
    private final int framesPerSize;

    public ConformanceChecker(GrpcNodeConfig config, int framesPerSize) {
        if (framesPerSize < 1) {
            throw new IllegalArgumentException("framesPerSize must be at least 1");
        }
        this.config = config;
        this.framesPerSize = framesPerSize;
    }

    public ConformanceReport run() throws InterruptedException {
        Findings problems = new Findings();
        Set<String> notes = new LinkedHashSet<>();
        List<ConformanceReport.SizeResult> sizes = new ArrayList<>();
        Negotiated negotiated = null;
        try (CustomNodeClient client = new CustomNodeClient(config, IDENTITY)) {
            try {
                CustomNodeClient.HandshakeResult h = client.handshake(
                        Deadline.after(config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS));
                negotiated = h.negotiated();
                if (h.response().getAck() != h.request().getSeq()) {
                    problems.add("handshake: ack " + h.response().getAck() + " does not echo the request seq "
                            + h.request().getSeq() + "; KAN's client refuses such a handshake");
                }
            } catch (StatusRuntimeException e) {
                problems.add("handshake failed: " + e.getStatus().getCode() + describe(e));
            } catch (CustomNodeException e) {
                problems.add(e.getMessage());
            }
            if (negotiated != null) {
                for (int[] size : SIZES) {
                    sizes.add(runSize(client, negotiated, size[0], size[1], problems, notes));
                }
            }
        } catch (java.io.IOException e) {
            problems.add("cannot open a channel to " + config.authority() + ": " + e.getMessage());
        }
        return new ConformanceReport(config.authority(), config.tls(), negotiated, sizes, problems.list(),
                List.copyOf(notes));
    }

    private ConformanceReport.SizeResult runSize(CustomNodeClient client, Negotiated n, int width, int height,
                                                 Findings problems, Set<String> notes) {
        Frame plain = testFrame(width, height);
        Frame withObject = plain.withObjects(List.of(DetectedObject.of("box", 0.9f,
                new BBox(0.125f, 0.25f, 0.25f, 0.333f))));
        long[] latencies = new long[framesPerSize];
        int answered = 0;
        int objects = 0;
        send(client, n, plain, client.request(plain, n), new Findings(), notes); // warm-up: connection and JIT
        for (int i = 0; i < framesPerSize; i++) {
            Frame f = i % 2 == 0 ? plain : withObject;
            ProcessRequest request = client.request(f, n);
            long start = System.nanoTime();
            ProcessResponse r = send(client, n, f, request, problems, notes);
            latencies[answered] = System.nanoTime() - start;
            if (r != null) {
                answered++;
                objects += r.getInsightsMeta().getObjectsMetaCount();
            }
        }
        long[] ok = Arrays.copyOf(latencies, answered);
        Arrays.sort(ok);
        return new ConformanceReport.SizeResult(width, height, framesPerSize, answered, objects,
                percentile(ok, 50), percentile(ok, 95));
    }

    /**
     * Sends one frame and checks the answer exactly as the node does ({@link ResponseMerger}), so a server that
     * passes here is not refused at run time. Returns the answer, or null when the call failed.
     */
    private ProcessResponse send(CustomNodeClient client, Negotiated n, Frame f, ProcessRequest request,
                                 Findings problems, Set<String> notes) {
        int w = f.image().width();
        int h = f.image().height();
        String where = w + "x" + h + " frames";
        ProcessResponse r;
        try {
            r = client.process(request, deadline());
        } catch (StatusRuntimeException e) {
            problems.add(where + ": " + (e.getStatus().getCode() == io.grpc.Status.Code.RESOURCE_EXHAUSTED
                    ? MessageLimit.explain(e.getStatus()) : e.getStatus().getCode() + describe(e)));
            return null;
        }
        if (r.getAck() != request.getSeq()) {
            notes.add("ack does not echo the request seq (e.g. seq " + request.getSeq() + ", ack " + r.getAck()
                    + ")");
        }
        boolean objectsOk = true;
        if (n.returnsInsights()) {
            // Every object on its own, so all bad ones are named (the node stops at the first).
            for (int i = 0; i < r.getInsightsMeta().getObjectsMetaCount(); i++) {
                try {
                    InsightsCodec.object(r.getInsightsMeta().getObjectsMeta(i), i);
                } catch (CustomNodeException e) {
                    objectsOk = false;
                    problems.add(where + ": " + e.getMessage() + " (the node refuses such an answer)");
                }
            }
        }
        try {
            if (!objectsOk) {
                return r;
            }
            Frame merged = ResponseMerger.merge(f, r, n);
            if (merged.image() != f.image()) {
                if (merged.image().width() != w || merged.image().height() != h) {
                    notes.add("returned image size differs from the sent frame (" + merged.image().width() + "x"
                            + merged.image().height() + " for " + w + "x" + h + ")");
                }
                merged.image().mat().close();
            }
        } catch (CustomNodeException e) {
            problems.add(where + ": " + e.getMessage() + " (the node refuses such an answer)");
        }
        if (!n.returnsInsights() && r.hasInsightsMeta() && r.getInsightsMeta().getObjectsMetaCount() > 0) {
            notes.add("returns objects although it declared " + n.responseType() + "; the client ignores them");
        }
        if (!n.returnsImage() && r.hasImage() && !r.getImage().getImagePointer().isEmpty()) {
            notes.add("returns an image although it declared " + n.responseType() + "; the client ignores it");
        }
        return r;
    }

    /** Problems in first-seen order, each said once with how many frames showed it. */
    private static final class Findings {
        private final Map<String, Integer> counts = new LinkedHashMap<>();

        void add(String problem) {
            counts.merge(problem, 1, Integer::sum);
        }

        List<String> list() {
            return counts.entrySet().stream()
                    .map(e -> e.getValue() == 1 ? e.getKey() : e.getKey() + " [" + e.getValue() + " times]")
                    .toList();
        }
    }

    private Deadline deadline() {
        return Deadline.after(config.deadline().toNanos(), TimeUnit.NANOSECONDS);
    }

    private static String describe(StatusRuntimeException e) {
        String d = e.getStatus().getDescription();
        String cause = e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")";
        return (d == null ? "" : ": " + d) + cause;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1_000_000.0;
    }

    /** Grey frame with a red and a blue patch, so colour-aware servers have something to find. */
    static Frame testFrame(int width, int height) {
        Mat m = new Mat(height, width, CV_8UC3, new Scalar(128, 128, 128, 0));
        rectangle(m, new Rect(width / 8, height / 4, width / 4, height / 3), new Scalar(0, 0, 255, 0), FILLED,
                LINE_8, 0);
        rectangle(m, new Rect(width * 5 / 8, height / 2, width / 4, height / 3), new Scalar(255, 0, 0, 0), FILLED,
                LINE_8, 0);
        return Frame.of(0, System.currentTimeMillis(), new FrameImage(m));
    }

    public static void main(String[] args) throws Exception {
        String url = null;
        boolean tls = false;
        Path ca = null;
        int frames = 20;
        long deadlineMs = 2000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--endpoint" -> url = args[++i];
                case "--tls" -> tls = true;
                case "--ca" -> ca = Path.of(args[++i]);
                case "--frames" -> frames = Integer.parseInt(args[++i]);
                case "--deadline-ms" -> deadlineMs = Long.parseLong(args[++i]);
                default -> {
                    System.err.println("unknown option " + args[i]);
                    url = null;
                    i = args.length;
                }
            }
        }
        var ep = GrpcCustomNode.parseEndpoint(url);
        if (ep.isEmpty()) {
            System.err.println("Usage: ConformanceChecker --endpoint [grpc[s]://]host:port [--tls] [--ca FILE]"
                    + " [--frames N] [--deadline-ms MS]");
            System.exit(2);
            return;
        }
        GrpcNodeConfig config = GrpcNodeConfig.plain(ep.get().host(), ep.get().port(), Duration.ofMillis(deadlineMs));
        if (tls || ep.get().tls() || ca != null) {
            config = config.withTls(ca);
        }
        ConformanceReport report = new ConformanceChecker(config, frames).run();
        System.out.print(report.toText());
        System.exit(report.passed() ? 0 : 1);
    }
}
