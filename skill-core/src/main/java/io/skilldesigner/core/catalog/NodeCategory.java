package io.skilldesigner.core.catalog;

/** Palette group of a node type. */
public enum NodeCategory {
    IMPORT("Import"), PROCESS("Process"), EXPORT("Export");

    private final String displayName;

    NodeCategory(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
