package io.skilldesigner.canvas;

import java.util.Objects;

/** A node's badge: its status and the message shown on hover. */
public record StatusBadge(NodeStatus status, String message) {
    public StatusBadge {
        Objects.requireNonNull(status, "status");
        message = message == null ? "" : message;
    }
}
