package io.skilldesigner.engine.grpc;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Where and how the client reaches a custom node.
 *
 * @param caFile  PEM file of the CA to trust, or null for the system CAs (TLS only)
 * @param color   channel order of the images the client sends (the handshake has no colour field; KAN sends BGR)
 * @param deadline       per frame, from sending to the answer; the connection and handshake are not part of it
 * @param backoffInitial first wait after a failure; waits double up to backoffMax (so a server that comes back is
 *                       found within backoffMax)
 * @param connectTimeout how long one connection attempt (TCP, TLS, handshake) may take
 */
public record GrpcNodeConfig(String host, int port, boolean tls, Path caFile, Duration deadline, ColorFormat color,
                             Duration backoffInitial, Duration backoffMax, Duration connectTimeout) {
    public static final Duration DEFAULT_BACKOFF_INITIAL = Duration.ofMillis(250);
    /** A connection attempt to a stopped server is one refused TCP connect: cheap enough to try every second. */
    public static final Duration DEFAULT_BACKOFF_MAX = Duration.ofSeconds(1);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    public String authority() {
        return host + ":" + port;
    }

    /** A plain-text endpoint with the node's default deadline and backoff, sending BGR. */
    public static GrpcNodeConfig plain(String host, int port, Duration deadline) {
        return new GrpcNodeConfig(host, port, false, null, deadline, ColorFormat.COLOR_FORMAT_BGR,
                DEFAULT_BACKOFF_INITIAL, DEFAULT_BACKOFF_MAX, DEFAULT_CONNECT_TIMEOUT);
    }

    public GrpcNodeConfig withColor(ColorFormat c) {
        return new GrpcNodeConfig(host, port, tls, caFile, deadline, c, backoffInitial, backoffMax, connectTimeout);
    }

    public GrpcNodeConfig withTls(Path ca) {
        return new GrpcNodeConfig(host, port, true, ca, deadline, color, backoffInitial, backoffMax, connectTimeout);
    }

    public GrpcNodeConfig withBackoff(Duration initial, Duration max) {
        return new GrpcNodeConfig(host, port, tls, caFile, deadline, color, initial, max, connectTimeout);
    }

    public GrpcNodeConfig withConnectTimeout(Duration t) {
        return new GrpcNodeConfig(host, port, tls, caFile, deadline, color, backoffInitial, backoffMax, t);
    }

    /**
     * Reads a grpc-custom node's settings (see {@link GrpcCustomNode}). In container mode the preview connects to
     * the node's local endpoint, since the designer does not start containers.
     *
     * @throws CustomNodeException with a message naming the setting when the node cannot be reached as configured
     */
    public static GrpcNodeConfig fromSettings(EffectiveSettings settings, RuntimeContext context)
            throws CustomNodeException {
        String nodeId = settings.nodeId();
        boolean container = GrpcCustomNode.CONTAINER.equals(settings.get(GrpcCustomNode.MODE));
        String key = container ? GrpcCustomNode.LOCAL_ENDPOINT : GrpcCustomNode.ENDPOINT_URL;
        String url = settings.get(key) == null ? "" : String.valueOf(settings.get(key)).trim();
        if (url.isEmpty()) {
            throw new CustomNodeException(container
                    ? "node " + nodeId + " runs as container '" + settings.get(GrpcCustomNode.CONTAINER_NAME)
                    + "', which the designer does not start: set '" + key + "' (Preview endpoint) to where the"
                    + " container is reachable, e.g. 127.0.0.1:" + settings.get(GrpcCustomNode.PORT)
                    : "node " + nodeId + ": setting '" + key + "' (Endpoint URL) is empty");
        }
        GrpcCustomNode.Endpoint ep = GrpcCustomNode.parseEndpoint(url).orElseThrow(() -> new CustomNodeException(
                "node " + nodeId + ": setting '" + key + "' = '" + url + "' is not [grpc[s]://]host:port[/route]"));
        boolean tls = ep.tls() || Boolean.parseBoolean(String.valueOf(settings.get(GrpcCustomNode.TLS)));
        Path ca = null;
        Object caSetting = settings.get(GrpcCustomNode.CA_FILE);
        if (tls && caSetting != null && !String.valueOf(caSetting).isBlank()) {
            ca = context.resolve(String.valueOf(caSetting));
            if (!Files.isReadable(ca)) {
                throw new CustomNodeException("node " + nodeId + ": setting '" + GrpcCustomNode.CA_FILE
                        + "': CA certificate file " + ca + " does not exist or is not readable");
            }
        }
        long deadlineMs = deadlineMs(nodeId, settings.get(GrpcCustomNode.DEADLINE_MS));
        ColorFormat color = "RGB".equals(settings.get(GrpcCustomNode.COLOR_FORMAT)) ? ColorFormat.COLOR_FORMAT_RGB
                : ColorFormat.COLOR_FORMAT_BGR;
        return new GrpcNodeConfig(ep.host(), ep.port(), tls, ca, Duration.ofMillis(deadlineMs), color,
                DEFAULT_BACKOFF_INITIAL, DEFAULT_BACKOFF_MAX, DEFAULT_CONNECT_TIMEOUT);
    }

    private static long deadlineMs(String nodeId, Object d) throws CustomNodeException {
        long ms;
        try {
            ms = d instanceof Number n ? n.longValue() : Long.parseLong(String.valueOf(d).trim());
        } catch (NumberFormatException e) {
            throw new CustomNodeException("node " + nodeId + ": setting '" + GrpcCustomNode.DEADLINE_MS + "' = '" + d
                    + "' is not a whole number of milliseconds", e);
        }
        if (ms <= 0) {
            throw new CustomNodeException("node " + nodeId + ": setting '" + GrpcCustomNode.DEADLINE_MS + "' = " + ms
                    + " must be positive");
        }
        return ms;
    }
}
