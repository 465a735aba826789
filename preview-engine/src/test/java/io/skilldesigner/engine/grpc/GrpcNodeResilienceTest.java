package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.google.protobuf.ByteString;

import io.grpc.Server;
import io.grpc.stub.StreamObserver;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.skilldesigner.engine.frame.DetectedObject;
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
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.RunIdentity;

/** Endpoint down, restarted, slow, or answering garbage: the node shows ERROR and frames keep flowing. */
class GrpcNodeResilienceTest {
    private static final RunIdentity IDENTITY = new RunIdentity("inst-1", "skill-42", "device-9");

    private static GrpcNodeConfig config(int port, Duration deadline) {
        return GrpcNodeConfig.plain("127.0.0.1", port, deadline).withBackoff(Duration.ofMillis(50),
                Duration.ofMillis(200));
    }

    @Test
    void serverKilledAndRestartedMidRun() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_JPEG, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
        var first = ReferenceCustomNodeServer.start(options);
        int port = first.port();
        var statuses = new TestFrames.Statuses();
        Frame in = TestFrames.patches(320, 240);
        try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(port, Duration.ofMillis(500)),
                IDENTITY), statuses)) {
            assertEquals(2, node.process(in).objects().size());
            assertEquals(1, first.service().handshakes().size());

            first.close();
            long start = System.nanoTime();
            for (int i = 0; i < 20; i++) {
                Frame out = node.process(in);
                assertSame(in, out, "frames pass through unchanged while the endpoint is down");
                Thread.sleep(10);
            }
            long perFrameMs = (System.nanoTime() - start) / 20 / 1_000_000;
            assertTrue(perFrameMs < 500, "frames must not wait beyond the deadline, took " + perFrameMs + " ms");
            TestFrames.Statuses.Entry error = statuses.last();
            assertEquals(NodeState.ERROR, error.state());
            assertTrue(error.message().contains("127.0.0.1:" + port) && error.message().contains("UNAVAILABLE"),
                    error.message());

            try (var second = ReferenceCustomNodeServer.start(options.withPort(port))) {
                Frame out = in;
                long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (out.objects().isEmpty() && System.nanoTime() < until) {
                    Thread.sleep(20);
                    out = node.process(in);
                }
                assertEquals(2, out.objects().size(), "node must recover once the server is back");
                assertEquals(NodeState.RUNNING, statuses.last().state());
                List<HandshakeRequest> again = second.service().handshakes();
                assertEquals(1, again.size(), "handshake again on the new connection");
                assertTrue(again.get(0).getSeq() > 1, "handshake seq counts up across reconnects");
                assertEquals(2, node.handshakes());
            }
        }
        assertEquals(NodeState.STOPPED, statuses.last().state());
    }

    @Test
    void slowServerExceedsTheDeadline() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_BMP, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY).withDelayMs(1500);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(server.port(),
                    Duration.ofMillis(200)), IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                long start = System.nanoTime();
                Frame out = node.process(in);
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertSame(in, out);
                assertTrue(tookMs < 1000, "must give up at the 200 ms deadline, took " + tookMs + " ms");
                assertEquals(NodeState.ERROR, statuses.last().state());
                assertTrue(statuses.last().message().contains("200 ms deadline"), statuses.last().message());
                // Within the backoff the next frame does not wait at all.
                start = System.nanoTime();
                assertSame(in, node.process(in));
                assertTrue((System.nanoTime() - start) / 1_000_000 < 50);
            }
        }
    }

    @Test
    void unreachableEndpointFromTheStart() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        var statuses = new TestFrames.Statuses();
        try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(port, Duration.ofMillis(300)),
                IDENTITY), statuses)) {
            Frame in = TestFrames.patches(320, 240);
            assertSame(in, node.process(in));
            assertEquals(List.of(NodeState.STARTING, NodeState.ERROR), statuses.states());
            assertTrue(statuses.last().message().contains("retrying"), statuses.last().message());
        }
    }

    /** A test server that handshakes as asked and answers every frame with {@code answer}. */
    private static Server badServer(ProcessResponseType declared, Function<ProcessRequest, ProcessResponse> answer)
            throws IOException {
        return TestFrames.scriptedServer(seq -> seq, declared, answer);
    }

    private static String runAgainst(ProcessResponseType declared, Function<ProcessRequest, ProcessResponse> answer)
            throws Exception {
        Server server = badServer(declared, answer);
        try {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(server.getPort(),
                    Duration.ofSeconds(5)), IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                assertSame(in, node.process(in), "an unusable answer leaves the frame unchanged");
                assertEquals(NodeState.ERROR, statuses.last().state());
                return statuses.last().message();
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static ProcessResponse withObject(ProcessRequest r, String label, float l) {
        return ProcessResponse.newBuilder().setAck(r.getSeq()).setInsightsMeta(InsightsMeta.newBuilder()
                .addObjectsMeta(ObjectMeta.newBuilder().setLabel(label).setConfidence(0.5f)
                        .setBbox(BBox.newBuilder().setL(l).setT(0.1f).setW(0.2f).setH(0.2f)))).build();
    }

    @Test
    void imageThatDoesNotDecode() throws Exception {
        String msg = runAgainst(ProcessResponseType.IMAGE_ONLY, r -> ProcessResponse.newBuilder()
                .setImage(Image.newBuilder().setImagePointer(ByteString.copyFrom(new byte[] {(byte) 0xFF,
                        (byte) 0xD8, 1, 2, 3, 4, 5}))).build());
        assertTrue(msg.contains("does not decode"), msg);
    }

    @Test
    void rawImageOfTheWrongSize() throws Exception {
        String msg = runAgainst(ProcessResponseType.IMAGE_AND_INSIGHTS_META, r -> ProcessResponse.newBuilder()
                .setImage(Image.newBuilder().setImagePointer(ByteString.copyFrom(new byte[10]))
                        .setProperties(ImageProperties.newBuilder().setWidth(100).setHeight(100))).build());
        assertTrue(msg.contains("10 bytes") && msg.contains("100x100x3"), msg);
    }

    @Test
    void declaredImageButNoneReturned() throws Exception {
        String msg = runAgainst(ProcessResponseType.IMAGE_ONLY, r -> ProcessResponse.newBuilder().build());
        assertTrue(msg.contains("IMAGE_ONLY") && msg.contains("no image"), msg);
    }

    @Test
    void boxOutOfRange() throws Exception {
        String msg = runAgainst(ProcessResponseType.INSIGHTS_META_ONLY, r -> withObject(r, "car", 1.5f));
        assertTrue(msg.contains("object 0 'car'") && msg.contains("l=1.5") && msg.contains("0..1"), msg);
    }

    @Test
    void emptyLabel() throws Exception {
        String msg = runAgainst(ProcessResponseType.INSIGHTS_META_ONLY, r -> withObject(r, "", 0.1f));
        assertTrue(msg.contains("empty label"), msg);
    }

    @Test
    void responseLargerThanTheMessageLimit() throws Exception {
        byte[] huge = new byte[Channels.MAX_MESSAGE_BYTES + 1024];
        String msg = runAgainst(ProcessResponseType.IMAGE_ONLY, r -> ProcessResponse.newBuilder()
                .setImage(Image.newBuilder().setImagePointer(ByteString.copyFrom(huge))).build());
        assertTrue(msg.contains("RESOURCE_EXHAUSTED"), msg);
    }

    @Test
    void handshakeWithUndefinedEnumValues() throws Exception {
        var service = new CustomNodeHandlerGrpc.CustomNodeHandlerImplBase() {
            @Override
            public void handshake(HandshakeRequest r, StreamObserver<HandshakeResponse> out) {
                out.onNext(HandshakeResponse.newBuilder().setAck(r.getSeq()).setImageTypeValue(7).build());
                out.onCompleted();
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
                .build().start();
        try {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(server.getPort(),
                    Duration.ofSeconds(5)), IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                assertSame(in, node.process(in));
                assertEquals(NodeState.ERROR, statuses.last().state());
                assertTrue(statuses.last().message().contains("image_type 7"), statuses.last().message());
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void goodAnswersAfterABadOneRecover() throws Exception {
        int[] calls = {0};
        Server server = badServer(ProcessResponseType.INSIGHTS_META_ONLY,
                r -> withObject(r, "car", ++calls[0] == 1 ? -3f : 0.1f));
        try {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(server.getPort(),
                    Duration.ofSeconds(5)), IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                assertSame(in, node.process(in));
                List<DetectedObject> objects = node.process(in).objects();
                assertEquals(1, objects.size());
                // RUNNING once connected (before any frame), ERROR for the bad answer, RUNNING again.
                assertEquals(List.of(NodeState.STARTING, NodeState.RUNNING, NodeState.ERROR, NodeState.RUNNING),
                        statuses.states());
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** KAN's sample server setup: raw frames, gRPC's default 4 MB limit. 1080p fails: one ERROR, with the fix. */
    @Test
    void messageLimitIsSaidOnceWithTheFix() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_NUMPY, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new ReferenceNodeService(options)).build().start();
        try {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config(server.getPort(),
                    Duration.ofSeconds(5)), IDENTITY), statuses)) {
                Frame in = TestFrames.patches(1920, 1080);
                for (int i = 0; i < 4; i++) {
                    assertSame(in, node.process(in));
                    Thread.sleep(250); // beyond the 200 ms backoff, so every frame is really sent
                }
                var errors = statuses.entries.stream().filter(e -> e.state() == NodeState.ERROR).toList();
                assertEquals(1, errors.size(), statuses.entries.toString());
                String msg = errors.get(0).message();
                assertTrue(msg.contains("RESOURCE_EXHAUSTED") && msg.contains("JPEG")
                        && msg.contains("grpc.max_receive_message_length"), msg);
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
