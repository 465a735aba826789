package io.skilldesigner.core.io;

/** A 1-based line and column in a text file; 0 means unknown. */
public record SourceLocation(int line, int column) {
    public static final SourceLocation UNKNOWN = new SourceLocation(0, 0);
}
