package io.skilldesigner.engine.grpc;

/** A custom node answered something the protocol does not allow (undecodable image, box out of range...). */
public final class CustomNodeException extends Exception {
    public CustomNodeException(String message) {
        super(message);
    }

    public CustomNodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
