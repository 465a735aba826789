package io.skilldesigner.engine.grpc;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ConnectivityState;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.grpc.StatusRuntimeException;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * One channel to a custom node: handshakes before the first frame and again whenever the connection was lost
 * (the channel left READY, or a call failed other than by its deadline), then sends frames as negotiated.
 * Used by one thread at a time.
 */
public final class CustomNodeClient implements AutoCloseable {
    private final GrpcNodeConfig config;
    private final RunIdentity identity;
    private final ManagedChannel channel;
    private final CustomNodeHandlerGrpc.CustomNodeHandlerBlockingStub stub;
    private final AtomicBoolean needsHandshake = new AtomicBoolean(true);
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile Negotiated negotiated;
    private long handshakeSeq;
    private long frameSeq;

    public CustomNodeClient(GrpcNodeConfig config, RunIdentity identity) throws IOException {
        this.config = config;
        this.identity = identity;
        this.channel = Channels.open(config);
        this.stub = CustomNodeHandlerGrpc.newBlockingStub(channel);
        watch(channel.getState(false));
    }

    /** Marks the handshake stale when an established connection drops, so the next frame handshakes again. */
    private void watch(ConnectivityState last) {
        channel.notifyWhenStateChanged(last, () -> {
            ConnectivityState now = channel.getState(false);
            if (last == ConnectivityState.READY && now != ConnectivityState.READY) {
                needsHandshake.set(true);
            }
            if (now != ConnectivityState.SHUTDOWN) {
                watch(now);
            }
        });
    }

    public GrpcNodeConfig config() {
        return config;
    }

    /** Handshakes done so far (the first one and one after each reconnect). */
    public int handshakes() {
        return handshakes.get();
    }

    /** What the server asked for in the latest handshake, or null before the first. */
    public Negotiated negotiated() {
        return negotiated;
    }

    /**
     * Handshakes if this connection has not yet; returns what the server asked for.
     *
     * @throws CustomNodeException when the answer holds values the protocol does not define
     */
    public Negotiated ensureHandshake(Deadline deadline) throws CustomNodeException {
        if (negotiated != null && !needsHandshake.get()) {
            return negotiated;
        }
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            // Our own backoff decided it is time to retry: do not wait for gRPC's (up to 2 minutes).
            channel.resetConnectBackoff();
        }
        needsHandshake.set(false);
        HandshakeRequest req = HandshakeRequest.newBuilder().setSeq(++handshakeSeq)
                .setInstanceId(identity.instanceId()).setSkillId(identity.skillId())
                .setDeviceId(identity.deviceId()).build();
        try {
            HandshakeResponse r = stub.withDeadline(deadline).handshake(req);
            negotiated = Negotiated.of(r);
            handshakes.incrementAndGet();
            return negotiated;
        } catch (StatusRuntimeException | CustomNodeException e) {
            needsHandshake.set(true);
            throw e;
        }
    }

    /** Builds the request for a frame as the server asked (image type, colour, with or without image). */
    public ProcessRequest request(Frame frame, Negotiated n) {
        io.skilldesigner.engine.grpc.proto.Frame.Builder f = io.skilldesigner.engine.grpc.proto.Frame.newBuilder()
                .setInsightsMeta(InsightsCodec.toProto(frame))
                .setTimestamp(InsightsCodec.timestamp(frame.timestampMillis()))
                .setFrameId(frame.frameId())
                .setDatetime(Instant.ofEpochMilli(frame.timestampMillis()).toString());
        if (n.sendsImage() && frame.image() != null) {
            f.setImage(ImageCodec.encode(frame.image(), n.imageType(), config.color()));
        }
        return ProcessRequest.newBuilder().setSeq(++frameSeq).setFrame(f).build();
    }

    /** Sends one request; a failure other than the deadline means the connection must handshake again. */
    public ProcessResponse process(ProcessRequest request, Deadline deadline) {
        try {
            return stub.withDeadline(deadline).process(request);
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() != io.grpc.Status.Code.DEADLINE_EXCEEDED) {
                needsHandshake.set(true);
            }
            throw e;
        }
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
