package io.skilldesigner.engine.grpc;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.grpc.ConnectivityState;
import io.grpc.Deadline;
import io.grpc.ManagedChannel;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * One channel to a custom node: handshakes (on demand, see {@link NodeConnection} for when), then sends frames as
 * negotiated. {@link #handshake} is called from one thread, {@link #request} and {@link #process} from another.
 */
public final class CustomNodeClient implements AutoCloseable {
    private final GrpcNodeConfig config;
    private final RunIdentity identity;
    private final ManagedChannel channel;
    private final CustomNodeHandlerGrpc.CustomNodeHandlerBlockingStub stub;
    private final AtomicInteger handshakes = new AtomicInteger();
    private volatile Negotiated negotiated;
    private long handshakeSeq;
    private long frameSeq;

    public CustomNodeClient(GrpcNodeConfig config, RunIdentity identity) throws IOException {
        this.config = config;
        this.identity = identity;
        this.channel = Channels.open(config);
        this.stub = CustomNodeHandlerGrpc.newBlockingStub(channel);
    }

    public GrpcNodeConfig config() {
        return config;
    }

    ManagedChannel channel() {
        return channel;
    }

    /** Handshakes done so far (the first one and one after each reconnect). */
    public int handshakes() {
        return handshakes.get();
    }

    /** What the server asked for in the latest handshake, or null before the first. */
    public Negotiated negotiated() {
        return negotiated;
    }

    /** Handshakes within the connect timeout; returns what the server asked for. */
    public Negotiated handshake() throws CustomNodeException {
        return handshake(Deadline.after(config.connectTimeout().toNanos(), TimeUnit.NANOSECONDS)).negotiated();
    }

    /** What one handshake sent and got back, for checks of the answer beyond what the client needs. */
    public record HandshakeResult(HandshakeRequest request, HandshakeResponse response, Negotiated negotiated) {
    }

    /**
     * Handshakes now, connecting first when needed (a refused connection fails at once, without waiting for
     * gRPC's own reconnect backoff, which grows to two minutes).
     *
     * @throws CustomNodeException when the answer holds values the protocol does not define
     */
    public HandshakeResult handshake(Deadline deadline) throws CustomNodeException {
        if (channel.getState(false) == ConnectivityState.TRANSIENT_FAILURE) {
            channel.resetConnectBackoff();
        }
        HandshakeRequest req = HandshakeRequest.newBuilder().setSeq(++handshakeSeq)
                .setInstanceId(identity.instanceId()).setSkillId(identity.skillId())
                .setDeviceId(identity.deviceId()).build();
        HandshakeResponse r = stub.withDeadline(deadline).handshake(req);
        Negotiated n = Negotiated.of(r);
        negotiated = n;
        handshakes.incrementAndGet();
        return new HandshakeResult(req, r, n);
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

    /** Sends one request. */
    public ProcessResponse process(ProcessRequest request, Deadline deadline) {
        return stub.withDeadline(deadline).process(request);
    }

    @Override
    public void close() throws InterruptedException {
        channel.shutdownNow();
        channel.awaitTermination(5, TimeUnit.SECONDS);
    }
}
