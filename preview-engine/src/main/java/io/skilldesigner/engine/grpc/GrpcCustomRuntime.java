package io.skilldesigner.engine.grpc;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.skilldesigner.engine.RuntimeInfo;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.NodeStatusListener;

/**
 * The gRPC custom node while a skill runs. Never fails the skill: when the endpoint is down, slow or answers
 * garbage, the node reports ERROR with the cause and passes the frame on unchanged, so the rest of the skill keeps
 * running. Connecting and handshaking happen on the connection's own thread ({@link NodeConnection}), from the
 * start: only the first frames wait for the first attempt (at most the connect timeout); the per-frame deadline
 * covers the call alone. While the connection is down frames pass straight through and the badge stays ERROR.
 */
public final class GrpcCustomRuntime implements NodeRuntime, RuntimeInfo {
    private static final Duration FIRST_ATTEMPT_GRACE = Duration.ofSeconds(1);
    private final String nodeId;
    private final CustomNodeClient client;
    private final NodeConnection connection;
    private final String configError;
    private final NodeStatusListener status;
    private final ReconnectBackoff frameBackoff;
    private NodeState reported;
    private String reportedMessage;
    private boolean messageLimitReported;

    private GrpcCustomRuntime(String nodeId, CustomNodeClient client, String configError, NodeStatusListener status) {
        this.nodeId = nodeId;
        this.client = client;
        this.configError = configError;
        this.status = status;
        this.frameBackoff = client == null ? null
                : new ReconnectBackoff(client.config().backoffInitial(), client.config().backoffMax());
        this.connection = client == null ? null : new NodeConnection(client, nodeId, new NodeConnection.Listener() {
            @Override
            public void connected(Negotiated n) {
                report(NodeState.RUNNING, "connected to " + client.config().authority() + " (" + n + ")");
            }

            @Override
            public void down(String reason) {
                report(NodeState.ERROR, "endpoint " + client.config().authority() + ": " + reason
                        + "; frames pass through unchanged, retrying every "
                        + client.config().backoffMax().toMillis() + " ms at most");
            }
        });
    }

    /** A node that talks to the endpoint in {@code client}; starts connecting at once. */
    public static GrpcCustomRuntime connected(String nodeId, CustomNodeClient client, NodeStatusListener status) {
        GrpcCustomRuntime r = new GrpcCustomRuntime(nodeId, Objects.requireNonNull(client), null, status);
        r.report(NodeState.STARTING, "connecting to " + client.config().authority());
        r.connection.start();
        return r;
    }

    /** A node that cannot run as configured: stays in ERROR saying why and passes frames through. */
    public static GrpcCustomRuntime misconfigured(String nodeId, String error, NodeStatusListener status) {
        GrpcCustomRuntime r = new GrpcCustomRuntime(nodeId, null, Objects.requireNonNull(error), status);
        r.report(NodeState.ERROR, error);
        return r;
    }

    /** This node reports its own state (connection thread included); the engine must not override it. */
    @Override
    public boolean reportsOwnState() {
        return true;
    }

    @Override
    public Frame process(Frame frame) throws InterruptedException {
        if (client == null || !frameBackoff.mayAttempt(System.nanoTime())) {
            return frame;
        }
        // A little beyond the connect timeout, so a first attempt that times out has reported why.
        Negotiated n = connection.awaitFirst(client.config().connectTimeout().plus(FIRST_ATTEMPT_GRACE));
        if (n == null) {
            return frame; // the connection reports why and reconnects on its own
        }
        Deadline deadline = Deadline.after(client.config().deadline().toNanos(), TimeUnit.NANOSECONDS);
        try {
            ProcessRequest request = client.request(frame, n);
            ProcessResponse response = client.process(request, deadline);
            Frame out = ResponseMerger.merge(frame, response, n);
            frameBackoff.succeeded();
            report(NodeState.RUNNING, "connected to " + client.config().authority() + " (" + n + ")");
            return out;
        } catch (StatusRuntimeException e) {
            return failed(frame, e.getStatus());
        } catch (CustomNodeException e) {
            // The connection is fine but this answer is unusable: drop this node's output for the frame only.
            report(NodeState.ERROR, "endpoint " + client.config().authority() + ": " + e.getMessage()
                    + "; frame " + frame.frameId() + " passed through unchanged");
            return frame;
        }
    }

    private Frame failed(Frame frame, Status s) {
        String where = "endpoint " + client.config().authority();
        if (s.getCode() == Status.Code.DEADLINE_EXCEEDED || s.getCode() == Status.Code.RESOURCE_EXHAUSTED) {
            // The connection is up; the next frames would fail alike, so skip a few before asking again.
            Duration wait = frameBackoff.failed(System.nanoTime());
            String what = s.getCode() == Status.Code.DEADLINE_EXCEEDED
                    ? where + " did not answer within the " + client.config().deadline().toMillis() + " ms deadline"
                    : where + ": " + MessageLimit.explain(s);
            if (s.getCode() == Status.Code.RESOURCE_EXHAUSTED && messageLimitReported) {
                return frame; // said once, with the fix; the badge stays ERROR
            }
            messageLimitReported |= s.getCode() == Status.Code.RESOURCE_EXHAUSTED;
            report(NodeState.ERROR, what + "; frames pass through unchanged, next try in " + wait.toMillis()
                    + " ms");
            return frame;
        }
        String cause = s.getCause() == null ? "" : " (" + s.getCause().getMessage() + ")";
        report(NodeState.ERROR, where + " failed: " + s.getCode()
                + (s.getDescription() == null ? "" : ": " + s.getDescription()) + cause
                + "; frames pass through unchanged, reconnecting");
        connection.lost();
        return frame;
    }

    /** Tells the listener about changes only, so a long outage is one message, not one per frame. */
    private synchronized void report(NodeState state, String message) {
        if (state == reported && (state == NodeState.RUNNING || message.equals(reportedMessage))) {
            return;
        }
        if (reported == NodeState.STOPPED) {
            return; // nothing after close
        }
        reported = state;
        reportedMessage = message;
        status.onStatus(nodeId, state, message);
    }

    /** Handshakes done so far; more than one means the node reconnected. */
    public int handshakes() {
        return client == null ? 0 : client.handshakes();
    }

    /** Endpoint, TLS, what the server negotiated and how often it handshook, for the run summary. */
    @Override
    public Map<String, String> runtimeInfo() {
        Map<String, String> out = new LinkedHashMap<>();
        if (client == null) {
            out.put("error", configError);
            return out;
        }
        out.put("endpoint", client.config().authority());
        out.put("tls", Boolean.toString(client.config().tls()));
        Negotiated n = client.negotiated();
        out.put("negotiated", n == null ? "not yet" : n.toString());
        out.put("handshakes", Integer.toString(client.handshakes()));
        return out;
    }

    @Override
    public void close() throws InterruptedException {
        if (connection != null) {
            connection.close();
        }
        if (client != null) {
            client.close();
        }
        report(NodeState.STOPPED, "stopped");
    }
}
