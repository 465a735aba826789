package io.skilldesigner.engine.source;

/** A source could not open or read; the message names the source (credentials removed). */
public final class SourceException extends Exception {
    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
