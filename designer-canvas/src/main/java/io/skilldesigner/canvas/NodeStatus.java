package io.skilldesigner.canvas;

/** What a node's badge shows. The editor derives the first three from validation; the app pushes the others. */
public enum NodeStatus {
    NOT_CONFIGURED("not configured"), INVALID("invalid"), OK("ok"), RUNNING("running"), ERROR("error");

    private final String text;

    NodeStatus(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /** CSS pseudo-class name, e.g. {@code not-configured}. */
    public String cssName() {
        return name().toLowerCase().replace('_', '-');
    }
}
