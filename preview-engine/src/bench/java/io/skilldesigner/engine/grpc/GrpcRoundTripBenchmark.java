package io.skilldesigner.engine.grpc;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.google.protobuf.ByteString;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.BBox;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.Image;
import io.skilldesigner.engine.grpc.proto.ImageProperties;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.InsightsMeta;
import io.skilldesigner.engine.grpc.proto.ObjectMeta;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * Loopback round trip of a 640x480 frame: the gRPC node ({@link GrpcCustomRuntime#process}: encode, call, merge)
 * against a bare grpc-java unary call carrying a pre-built request of the same payload size, side by side and
 * interleaved in one run. The server does no work (returns one object), so the figures are the client's cost.
 * Run: {@code mvn -Dsd.buildDir=target-x -pl preview-engine test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.skilldesigner.engine.grpc.GrpcRoundTripBenchmark}.
 */
public final class GrpcRoundTripBenchmark {
    private static final int WARMUP = 300;
    private static final int ROUNDS = 10;
    private static final int PER_ROUND = 100;

    private GrpcRoundTripBenchmark() {
    }

    /** Answers the handshake with the given image type and every frame with one object, without decoding. */
    private static Server server(ImageType type) throws Exception {
        ProcessResponse.Builder answer = ProcessResponse.newBuilder().setInsightsMeta(InsightsMeta.newBuilder()
                .addObjectsMeta(ObjectMeta.newBuilder().setLabel("red").setConfidence(1f)
                        .setBbox(BBox.newBuilder().setL(0.1f).setT(0.1f).setW(0.2f).setH(0.2f))));
        var service = new CustomNodeHandlerGrpc.CustomNodeHandlerImplBase() {
            @Override
            public void handshake(HandshakeRequest r, StreamObserver<HandshakeResponse> out) {
                out.onNext(HandshakeResponse.newBuilder().setAck(r.getSeq()).setImageType(type)
                        .setProcessResponseType(ProcessResponseType.INSIGHTS_META_ONLY).build());
                out.onCompleted();
            }

            @Override
            public void process(ProcessRequest r, StreamObserver<ProcessResponse> out) {
                out.onNext(answer.setAck(r.getSeq()).build());
                out.onCompleted();
            }
        };
        return NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES).addService(service).build().start();
    }

    public static void main(String[] args) throws Exception {
        System.out.println("gRPC custom node loopback round trip, 640x480 frame; " + Runtime.getRuntime()
                .availableProcessors() + " CPUs, " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version"));
        System.out.println(String.format(Locale.ROOT, "%-6s %-26s %9s %9s %9s %9s", "image", "path", "payload",
                "mean ms", "p50 ms", "p95 ms"));
        for (ImageType type : new ImageType[] {ImageType.IMAGE_TYPE_JPEG, ImageType.IMAGE_TYPE_NUMPY}) {
            run(type);
        }
    }

    private static void run(ImageType type) throws Exception {
        Server server = server(type);
        GrpcNodeConfig config = GrpcNodeConfig.plain("127.0.0.1", server.getPort(), Duration.ofSeconds(5));
        Frame frame = photo();
        try (GrpcCustomRuntime node = GrpcCustomRuntime.connected("bench", new CustomNodeClient(config,
                new RunIdentity("bench", "bench", "bench")), NodeStatusListener.NONE)) {
            ManagedChannel channel = Channels.open(config);
            var bare = CustomNodeHandlerGrpc.newBlockingStub(channel);
            Image sample = ImageCodec.encode(frame.image(), type, ColorFormat.COLOR_FORMAT_BGR);
            int payload = sample.getImagePointer().size();
            // Same size, already encoded: what a hand-written client pays for the call alone.
            ProcessRequest prebuilt = ProcessRequest.newBuilder().setSeq(1).setFrame(
                    io.skilldesigner.engine.grpc.proto.Frame.newBuilder().setImage(Image.newBuilder()
                            .setImagePointer(ByteString.copyFrom(new byte[payload]))
                            .setProperties(ImageProperties.newBuilder().setWidth(640).setHeight(480)))
                            .setFrameId("0")).build();
            for (int i = 0; i < WARMUP; i++) {
                node.process(frame);
                bare.withDeadlineAfter(5, TimeUnit.SECONDS).process(prebuilt);
            }
            // A second client on its own channel, to time the node's two halves separately.
            CustomNodeClient parts = new CustomNodeClient(config, new RunIdentity("bench", "bench", "bench"));
            Negotiated n = parts.handshake(io.grpc.Deadline.after(5, TimeUnit.SECONDS)).negotiated();
            int total = ROUNDS * PER_ROUND;
            long[] nodeTimes = new long[total];
            long[] bareTimes = new long[total];
            long[] buildTimes = new long[total];
            long[] callTimes = new long[total];
            long[] bareAfterEncodeTimes = new long[total];
            int k = 0;
            for (int round = 0; round < ROUNDS; round++) {
                for (int i = 0; i < PER_ROUND; i++, k++) {
                    long t0 = System.nanoTime();
                    Frame out = node.process(frame);
                    long t1 = System.nanoTime();
                    bare.withDeadlineAfter(5, TimeUnit.SECONDS).process(prebuilt);
                    long t2 = System.nanoTime();
                    ProcessRequest built = parts.request(frame, n);
                    long t3 = System.nanoTime();
                    parts.process(built, io.grpc.Deadline.after(5, TimeUnit.SECONDS));
                    long t4 = System.nanoTime();
                    ImageCodec.encode(frame.image(), type, ColorFormat.COLOR_FORMAT_BGR);
                    long t5 = System.nanoTime();
                    bare.withDeadlineAfter(5, TimeUnit.SECONDS).process(prebuilt);
                    long t6 = System.nanoTime();
                    if (out.objects().size() != 1) {
                        throw new IllegalStateException("node did not merge the answer: " + out.objects());
                    }
                    nodeTimes[k] = t1 - t0;
                    bareTimes[k] = t2 - t1;
                    buildTimes[k] = t3 - t2;
                    callTimes[k] = t4 - t3;
                    bareAfterEncodeTimes[k] = t6 - t5;
                }
            }
            parts.close();
            String name = type == ImageType.IMAGE_TYPE_JPEG ? "JPEG" : "NUMPY";
            print(name, "node.process (all)", payload, nodeTimes);
            print(name, "bare grpc-java unary", payload, bareTimes);
            print(name, "  node: encode+build", payload, buildTimes);
            print(name, "  node: call only", payload, callTimes);
            print(name, "bare, right after encode", payload, bareAfterEncodeTimes);
            System.out.println(String.format(Locale.ROOT,
                    "%-6s node/bare p50 %.2fx (mean %.2fx); node call only/bare p50 %.2fx (mean %.2fx);"
                            + " node call only/bare-after-encode p50 %.2fx (mean %.2fx)",
                    name, p50(nodeTimes) / p50(bareTimes), mean(nodeTimes) / mean(bareTimes),
                    p50(callTimes) / p50(bareTimes), mean(callTimes) / mean(bareTimes),
                    p50(callTimes) / p50(bareAfterEncodeTimes), mean(callTimes) / mean(bareAfterEncodeTimes)));
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** A real photo scaled to 640x480, so JPEG sizes are realistic (a flat test pattern compresses to nothing). */
    private static Frame photo() throws java.io.IOException {
        java.nio.file.Path shared = java.nio.file.Path.of(System.getProperty("sd.shared.dir", "../shared"));
        java.nio.file.Path faces = shared.resolve("media/faces");
        java.nio.file.Path file;
        try (var files = java.nio.file.Files.list(faces)) {
            file = files.filter(f -> f.toString().endsWith(".jpg")).sorted().findFirst()
                    .orElseThrow(() -> new java.io.IOException("no .jpg in " + faces));
        }
        org.bytedeco.opencv.opencv_core.Mat img = org.bytedeco.opencv.global.opencv_imgcodecs.imread(file.toString());
        if (img.empty()) {
            throw new java.io.IOException("cannot read " + file);
        }
        org.bytedeco.opencv.opencv_core.Mat scaled = new org.bytedeco.opencv.opencv_core.Mat();
        org.bytedeco.opencv.global.opencv_imgproc.resize(img, scaled,
                new org.bytedeco.opencv.opencv_core.Size(640, 480));
        System.out.println("frame: " + file.getFileName() + " scaled to 640x480");
        return Frame.of(0, System.currentTimeMillis(), new io.skilldesigner.engine.frame.FrameImage(scaled));
    }

    private static double p50(long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double mean(long[] t) {
        return Arrays.stream(t).average().orElse(0) / 1e6;
    }

    private static void print(String image, String path, int payload, long[] t) {
        long[] s = t.clone();
        Arrays.sort(s);
        System.out.println(String.format(Locale.ROOT, "%-6s %-26s %9d %9.3f %9.3f %9.3f", image, path, payload,
                mean(t), s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6));
    }
}
