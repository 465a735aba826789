package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.RunIdentity;

/** The connection lives on its own: eager first connect, prompt reconnect, and a badge that tells the truth. */
class GrpcNodeConnectionTest {
    private static final RunIdentity IDENTITY = new RunIdentity("inst-1", "skill-42", "device-9");
    private static final ReferenceServerOptions OPTIONS = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_NUMPY,
            ColorFormat.COLOR_FORMAT_BGR, ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);

    private static void await(BooleanSupplier condition, Duration max, String what) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "timed out waiting until " + what);
            Thread.sleep(10);
        }
    }

    @Test
    void connectsAndHandshakesBeforeTheFirstFrame() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(OPTIONS)) {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(GrpcNodeConfig.plain("127.0.0.1",
                    server.port(), Duration.ofSeconds(2)), IDENTITY), statuses)) {
                await(() -> server.service().handshakes().size() == 1, Duration.ofSeconds(10), "handshake");
                await(() -> statuses.states().contains(NodeState.RUNNING), Duration.ofSeconds(10), "RUNNING");
                assertEquals(0, server.service().frames(), "no frame was needed to connect");
                assertEquals(2, node.process(TestFrames.patches(320, 240)).objects().size());
            }
        }
    }

    /** Runs the server's frame path once, so its first-call costs (class loading, natives) stay out of timings. */
    private static void warmUp(ReferenceNodeService reference) throws Exception {
        Negotiated n = new Negotiated(OPTIONS.imageType(), OPTIONS.requestType(), OPTIONS.responseType());
        try (var client = new CustomNodeClient(GrpcNodeConfig.plain("127.0.0.1", 1, Duration.ofSeconds(1)),
                IDENTITY)) {
            var done = new java.util.concurrent.CountDownLatch(1);
            reference.process(client.request(TestFrames.patches(320, 240), n), new StreamObserver<>() {
                @Override
                public void onNext(ProcessResponse value) {
                }

                @Override
                public void onError(Throwable t) {
                    done.countDown();
                }

                @Override
                public void onCompleted() {
                    done.countDown();
                }
            });
            assertTrue(done.await(30, TimeUnit.SECONDS));
        }
    }

    /** A server slow to handshake (e.g. loading its model) must not cost the first frames their deadline. */
    @Test
    void slowHandshakeIsNotPartOfTheFrameDeadline() throws Exception {
        var reference = new ReferenceNodeService(OPTIONS);
        warmUp(reference);
        var service = new CustomNodeHandlerGrpc.CustomNodeHandlerImplBase() {
            @Override
            public void handshake(HandshakeRequest r, StreamObserver<HandshakeResponse> out) {
                try {
                    Thread.sleep(2500);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                reference.handshake(r, out);
            }

            @Override
            public void process(ProcessRequest r, StreamObserver<ProcessResponse> out) {
                reference.process(r, out);
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES).addService(service).build().start();
        try {
            var statuses = new TestFrames.Statuses();
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(GrpcNodeConfig.plain("127.0.0.1",
                    server.getPort(), Duration.ofMillis(1500)), IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                assertEquals(2, node.process(in).objects().size(),
                        "the first frame waits for the 2.5 s handshake, then has its own 1.5 s: " + statuses.entries);
                assertFalse(statuses.states().contains(NodeState.ERROR), statuses.entries.toString());
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void connectTimeoutIsItsOwn() throws Exception {
        var service = new CustomNodeHandlerGrpc.CustomNodeHandlerImplBase() {
            @Override
            public void handshake(HandshakeRequest r, StreamObserver<HandshakeResponse> out) {
                // never answers
            }
        };
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0)).addService(service)
                .build().start();
        try {
            var statuses = new TestFrames.Statuses();
            GrpcNodeConfig config = GrpcNodeConfig.plain("127.0.0.1", server.getPort(), Duration.ofSeconds(30))
                    .withConnectTimeout(Duration.ofMillis(400));
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config, IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                long start = System.nanoTime();
                assertSame(in, node.process(in));
                long tookMs = (System.nanoTime() - start) / 1_000_000;
                assertTrue(tookMs < 5000, "the first frame waits the connect timeout, not the frame deadline: "
                        + tookMs + " ms");
                assertEquals(NodeState.ERROR, statuses.last().state());
                assertTrue(statuses.last().message().contains("400 ms connect timeout"), statuses.last().message());
            }
        } finally {
            server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /**
     * The server stays away long enough for the backoff to reach its largest wait, then comes back: the node
     * reconnects on its own (no frame needed) within about one largest wait, and while it was down the badge never
     * said RUNNING.
     */
    @Test
    void reconnectsPromptlyAndStaysInErrorWhileDown() throws Exception {
        var first = ReferenceCustomNodeServer.start(OPTIONS);
        int port = first.port();
        var statuses = new TestFrames.Statuses();
        GrpcNodeConfig config = GrpcNodeConfig.plain("127.0.0.1", port, Duration.ofSeconds(1));
        try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config, IDENTITY), statuses)) {
            Frame in = TestFrames.patches(320, 240);
            assertEquals(2, node.process(in).objects().size());
            first.close();
            await(() -> statuses.last().state() == NodeState.ERROR, Duration.ofSeconds(10),
                    "the lost connection shows as ERROR without any frame");
            int errorAt = statuses.entries.size() - 1;
            long outageUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(3000);
            while (System.nanoTime() < outageUntil) {
                assertSame(in, node.process(in), "frames pass through while down");
                Thread.sleep(20);
            }
            List<NodeState> during = statuses.states().subList(errorAt, statuses.entries.size());
            assertFalse(during.contains(NodeState.RUNNING), "RUNNING during the outage: " + statuses.entries);

            try (var second = ReferenceCustomNodeServer.start(OPTIONS.withPort(port))) {
                long back = System.nanoTime();
                await(() -> second.service().handshakes().size() == 1, Duration.ofSeconds(10), "reconnected");
                long tookMs = (System.nanoTime() - back) / 1_000_000;
                // The largest wait is 1 s; 3 s leaves room for a loaded machine (the old 5 s backoff could not).
                assertTrue(tookMs < config.backoffMax().toMillis() * 3, "reconnect took " + tookMs + " ms");
                await(() -> statuses.last().state() == NodeState.RUNNING, Duration.ofSeconds(5), "RUNNING again");
                assertEquals(2, node.process(in).objects().size());
                assertEquals(2, node.handshakes());
            }
        }
    }
}
