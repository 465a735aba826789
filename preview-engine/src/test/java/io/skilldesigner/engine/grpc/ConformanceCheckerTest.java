package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.skilldesigner.engine.grpc.proto.BBox;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.InsightsMeta;
import io.skilldesigner.engine.grpc.proto.ObjectMeta;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;

class ConformanceCheckerTest {
    @Test
    void referenceServerConforms() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_JPEG, ColorFormat.COLOR_FORMAT_RGB,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.IMAGE_AND_INSIGHTS_META);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            var report = new ConformanceChecker(GrpcNodeConfig.plain("127.0.0.1", server.port(),
                    Duration.ofSeconds(10)), 4).run();
            String text = report.toText();
            assertTrue(report.passed(), text);
            assertEquals(ProcessResponseType.IMAGE_AND_INSIGHTS_META, report.negotiated().responseType());
            assertEquals(4, report.sizes().size());
            for (var s : report.sizes()) {
                assertEquals(4, s.answered(), text);
                assertTrue(s.objects() >= 4, "the reference server finds the patches: " + text);
                assertTrue(s.p50Millis() > 0 && s.p95Millis() >= s.p50Millis(), text);
            }
            assertTrue(text.contains("Result: PASS") && text.contains("1920x1080")
                    && text.contains("IMAGE_TYPE_JPEG"), text);
        }
    }

    @Test
    void boxesOutsideTheFrameAndEmptyLabelsFail() throws Exception {
        var service = new CustomNodeHandlerGrpc.CustomNodeHandlerImplBase() {
            @Override
            public void handshake(HandshakeRequest r, StreamObserver<HandshakeResponse> out) {
                out.onNext(HandshakeResponse.newBuilder().setAck(r.getSeq())
                        .setProcessResponseType(ProcessResponseType.INSIGHTS_META_ONLY).build());
                out.onCompleted();
            }

            @Override
            public void process(ProcessRequest r, StreamObserver<ProcessResponse> out) {
                // Pixel boxes instead of normalised ones, and no ack: typical porting mistakes.
                out.onNext(ProcessResponse.newBuilder().setInsightsMeta(InsightsMeta.newBuilder()
                        .addObjectsMeta(ObjectMeta.newBuilder().setLabel("car")
                                .setBbox(BBox.newBuilder().setL(12).setT(30).setW(100).setH(80)))
                        .addObjectsMeta(ObjectMeta.newBuilder().setLabel("")
                                .setBbox(BBox.newBuilder().setL(0.1f).setT(0.1f).setW(0.1f).setH(0.1f))))
                        .build());
                out.onCompleted();
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
                .build().start();
        try {
            var report = new ConformanceChecker(GrpcNodeConfig.plain("127.0.0.1", server.getPort(),
                    Duration.ofSeconds(5)), 2).run();
            String text = report.toText();
            assertFalse(report.passed(), text);
            assertTrue(text.contains("Result: FAIL"), text);
            assertTrue(report.problems().stream().anyMatch(p -> p.contains("object 0") && p.contains("l=12.0")),
                    text);
            assertTrue(report.problems().stream().anyMatch(p -> p.contains("object 1 has an empty label")), text);
            assertTrue(report.notes().stream().anyMatch(n -> n.contains("ack does not echo")), text);
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void unreachableEndpointFailsAtTheHandshake() throws Exception {
        int port;
        try (var probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        var report = new ConformanceChecker(GrpcNodeConfig.plain("127.0.0.1", port, Duration.ofSeconds(2)), 2).run();
        assertFalse(report.passed());
        assertNull(report.negotiated());
        assertTrue(report.problems().get(0).startsWith("handshake failed: UNAVAILABLE"), report.toText());
    }

    /** A server answering every frame with {@code answer}, after a handshake that acks {@code ack(seq)}. */
    private static Server server(java.util.function.LongUnaryOperator ack, ProcessResponseType type,
                                 java.util.function.Function<ProcessRequest, ProcessResponse> answer)
            throws java.io.IOException {
        return TestFrames.scriptedServer(ack, type, answer);
    }

    private static ConformanceReport check(Server server) throws InterruptedException {
        try {
            return new ConformanceChecker(GrpcNodeConfig.plain("127.0.0.1", server.getPort(),
                    Duration.ofSeconds(10)), 3).run();
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void objectsWithoutABoxFail() throws Exception {
        var report = check(server(seq -> seq, ProcessResponseType.INSIGHTS_META_ONLY, r -> ProcessResponse
                .newBuilder().setAck(r.getSeq()).setInsightsMeta(InsightsMeta.newBuilder()
                        .addObjectsMeta(ObjectMeta.newBuilder().setLabel("person").setConfidence(0.8f))).build()));
        String text = report.toText();
        assertFalse(report.passed(), text);
        assertTrue(report.problems().stream().anyMatch(p -> p.contains("object 0 'person' has no bbox")), text);
        assertEquals(4, report.problems().size(), "one line per frame size, not one per frame: " + text);
        assertTrue(report.problems().get(0).contains("[3 times]"), text);
    }

    @Test
    void handshakeAckThatDoesNotEchoTheSeqFails() throws Exception {
        var report = check(server(seq -> seq + 41, ProcessResponseType.EMPTY,
                r -> ProcessResponse.newBuilder().setAck(r.getSeq()).build()));
        String text = report.toText();
        assertFalse(report.passed(), text);
        assertEquals(1, report.problems().size(), text);
        assertTrue(report.problems().get(0).contains("ack 42 does not echo the request seq 1"), text);
    }

    /**
     * A server left at gRPC's 4 MB default, asking for raw frames (as KAN's sample does): 1080p fails, said once
     * with the ways to fix it.
     */
    @Test
    void messageLimitIsReportedOnceWithTheFix() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_NUMPY, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new ReferenceNodeService(options)).build().start();
        var report = new ConformanceChecker(GrpcNodeConfig.plain("127.0.0.1", server.getPort(),
                Duration.ofSeconds(10)), 6).run();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        String text = report.toText();
        assertFalse(report.passed(), text);
        assertEquals(1, report.problems().size(), text);
        String p = report.problems().get(0);
        assertTrue(p.startsWith("1920x1080 frames: RESOURCE_EXHAUSTED") && p.contains("[6 times]"), text);
        assertTrue(p.contains("JPEG") && p.contains("grpc.max_receive_message_length") && p.contains("1280x720"),
                text);
        assertEquals(6, report.sizes().get(2).answered(), "720p raw (2.8 MB) fits: " + text);
    }
}
