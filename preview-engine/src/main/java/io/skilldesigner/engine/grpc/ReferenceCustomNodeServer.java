package io.skilldesigner.engine.grpc;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;

/**
 * A runnable custom node server speaking the KAN custom node protocol (see README.md next to this class).
 * Run: {@code java -cp <preview-engine classpath> io.skilldesigner.engine.grpc.ReferenceCustomNodeServer --port
 * 50051 --response-type image-and-insights}.
 */
public final class ReferenceCustomNodeServer implements AutoCloseable {
    private final Server server;
    private final ReferenceNodeService service;
    private final ReferenceServerOptions options;

    private ReferenceCustomNodeServer(Server server, ReferenceNodeService service, ReferenceServerOptions options) {
        this.server = server;
        this.service = service;
        this.options = options;
    }

    public static ReferenceCustomNodeServer start(ReferenceServerOptions options) throws IOException {
        ServerCredentials creds = options.tls()
                ? TlsServerCredentials.create(options.tlsCert().toFile(), options.tlsKey().toFile())
                : InsecureServerCredentials.create();
        ReferenceNodeService service = new ReferenceNodeService(options);
        Server server = NettyServerBuilder.forAddress(new InetSocketAddress(options.host(), options.port()), creds)
                .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES)
                .addService(service)
                .build()
                .start();
        return new ReferenceCustomNodeServer(server, service, options);
    }

    public int port() {
        return server.getPort();
    }

    public ReferenceNodeService service() {
        return service;
    }

    public ReferenceServerOptions options() {
        return options;
    }

    /** Stops at once, dropping open connections (as a crashed server would). */
    @Override
    public void close() throws InterruptedException {
        server.shutdownNow();
        server.awaitTermination(5, TimeUnit.SECONDS);
    }

    public static void main(String[] args) throws Exception {
        ReferenceServerOptions options;
        try {
            options = ReferenceServerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(ReferenceServerOptions.USAGE);
            System.exit(2);
            return;
        }
        ReferenceCustomNodeServer s = start(options);
        // The port line is what scripts and tests wait for (with --port 0 it is the only way to learn it).
        System.out.println("custom node listening on " + options.host() + ":" + s.port()
                + (options.tls() ? " (TLS)" : "") + " image " + options.imageType() + " " + options.color()
                + ", request " + options.requestType() + ", response " + options.responseType());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                s.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        s.server.awaitTermination();
    }
}
