package io.skilldesigner.engine.grpc;

import io.grpc.Status;

/** Says what to do when a message exceeds a gRPC size limit (most often a server left at gRPC's 4 MB default). */
final class MessageLimit {
    private MessageLimit() {
    }

    /** The same text for every frame of one size (the description's actual message size is left out). */
    static String explain(Status s) {
        String d = s.getDescription() == null ? "" : ": " + s.getDescription().replaceFirst(":\\s*\\d+\\s*$", "");
        return "RESOURCE_EXHAUSTED" + d
                + ". A message exceeded a gRPC size limit; most servers keep gRPC's default of 4 MB, which a raw"
                + " (NUMPY) 1080p frame (6.2 MB) already exceeds. Fix one of: have the server ask for JPEG (or BMP)"
                + " in its handshake; send smaller frames (NUMPY 1280x720 is 2.8 MB); or raise the server's"
                + " limit, e.g. Python grpc.server(..., options=[(\"grpc.max_receive_message_length\", 64 << 20)])";
    }
}
