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
 * running. Each frame waits at most the deadline (handshake included); after a connection failure frames pass
 * straight through until the backoff allows the next attempt.
 */
public final class GrpcCustomRuntime implements NodeRuntime, RuntimeInfo {
    private final String nodeId;
    private final CustomNodeClient client;
    private final String configError;
    private final NodeStatusListener status;
    private final ReconnectBackoff backoff;
    private NodeState reported;
    private String reportedMessage;

    private GrpcCustomRuntime(String nodeId, CustomNodeClient client, String configError, NodeStatusListener status) {
        this.nodeId = nodeId;
        this.client = client;
        this.configError = configError;
        this.status = status;
        this.backoff = client == null ? null
                : new ReconnectBackoff(client.config().backoffInitial(), client.config().backoffMax());
    }

    /** A node that talks to the endpoint in {@code client}. */
    public static GrpcCustomRuntime connected(String nodeId, CustomNodeClient client, NodeStatusListener status) {
        GrpcCustomRuntime r = new GrpcCustomRuntime(nodeId, Objects.requireNonNull(client), null, status);
        r.report(NodeState.STARTING, "connecting to " + client.config().authority());
        return r;
    }

    /** A node that cannot run as configured: stays in ERROR saying why and passes frames through. */
    public static GrpcCustomRuntime misconfigured(String nodeId, String error, NodeStatusListener status) {
        GrpcCustomRuntime r = new GrpcCustomRuntime(nodeId, null, Objects.requireNonNull(error), status);
        r.report(NodeState.ERROR, error);
        return r;
    }

    @Override
    public Frame process(Frame frame) {
        if (client == null || !backoff.mayAttempt(System.nanoTime())) {
            return frame;
        }
        Deadline deadline = Deadline.after(client.config().deadline().toNanos(), TimeUnit.NANOSECONDS);
        Negotiated n;
        try {
            n = client.ensureHandshake(deadline);
        } catch (CustomNodeException e) {
            // Asking again at once would get the same answer: wait like for a connection failure.
            Duration wait = backoff.failed(System.nanoTime());
            report(NodeState.ERROR, "endpoint " + client.config().authority() + ": " + e.getMessage()
                    + "; frames pass through unchanged, retrying in " + wait.toMillis() + " ms");
            return frame;
        } catch (StatusRuntimeException e) {
            return failed(frame, e);
        }
        try {
            ProcessRequest request = client.request(frame, n);
            ProcessResponse response = client.process(request, deadline);
            Frame out = ResponseMerger.merge(frame, response, n);
            backoff.succeeded();
            report(NodeState.RUNNING, "connected to " + client.config().authority() + " (" + n + ")");
            return out;
        } catch (StatusRuntimeException e) {
            return failed(frame, e);
        } catch (CustomNodeException e) {
            // The connection is fine but this answer is unusable: drop this node's output for the frame only.
            report(NodeState.ERROR, "endpoint " + client.config().authority() + ": " + e.getMessage()
                    + "; frame " + frame.frameId() + " passed through unchanged");
            return frame;
        }
    }

    private Frame failed(Frame frame, StatusRuntimeException e) {
        Duration wait = backoff.failed(System.nanoTime());
        report(NodeState.ERROR, describe(e.getStatus()) + "; frames pass through unchanged, retrying in "
                + wait.toMillis() + " ms");
        return frame;
    }

    private String describe(Status s) {
        String where = "endpoint " + client.config().authority();
        if (s.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return where + " did not answer within the " + client.config().deadline().toMillis() + " ms deadline";
        }
        String cause = s.getCause() == null ? "" : " (" + s.getCause().getMessage() + ")";
        return where + " failed: " + s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription())
                + cause;
    }

    /** Tells the listener about changes only, so a long outage is one message, not one per frame. */
    private void report(NodeState state, String message) {
        if (state == reported && (state == NodeState.RUNNING || message.equals(reportedMessage))) {
            return;
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
        if (client != null) {
            client.close();
        }
        report(NodeState.STOPPED, "stopped");
    }
}
