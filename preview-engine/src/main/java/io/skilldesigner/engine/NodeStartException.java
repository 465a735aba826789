package io.skilldesigner.engine;

/** A node's runtime could not be created (model file unreadable, endpoint refused...). */
public final class NodeStartException extends Exception {
    private final String nodeId;
    private final String typeId;

    public NodeStartException(String nodeId, String typeId, Throwable cause) {
        super("node '" + nodeId + "' (" + typeId + ") could not start: "
                + (cause.getMessage() == null ? cause.toString() : cause.getMessage()), cause);
        this.nodeId = nodeId;
        this.typeId = typeId;
    }

    public String nodeId() {
        return nodeId;
    }

    public String typeId() {
        return typeId;
    }
}
