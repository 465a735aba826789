package io.skilldesigner.engine.grpc;

import java.io.IOException;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;

/** Opens client channels to custom nodes. */
public final class Channels {
    /**
     * Largest message either side accepts. gRPC's default is 4 MB, which a raw 1080p frame (6.2 MB) already
     * exceeds (the KAN runtime's bug); 64 MB covers raw 4K frames.
     */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024 * 1024;

    private Channels() {
    }

    /** Does not connect yet; gRPC connects on the first call and again after the connection drops. */
    public static ManagedChannel open(GrpcNodeConfig c) throws IOException {
        ChannelCredentials creds;
        if (!c.tls()) {
            creds = InsecureChannelCredentials.create();
        } else if (c.caFile() == null) {
            creds = TlsChannelCredentials.create();
        } else {
            creds = TlsChannelCredentials.newBuilder().trustManager(c.caFile().toFile()).build();
        }
        return Grpc.newChannelBuilderForAddress(c.host(), c.port(), creds)
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build();
    }
}
