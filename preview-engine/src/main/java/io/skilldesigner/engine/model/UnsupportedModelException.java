package io.skilldesigner.engine.model;

/** The model opens, but no layout the engine knows decodes its outputs; the message says why and what is supported. */
public final class UnsupportedModelException extends ModelException {
    public UnsupportedModelException(String message) {
        super(message);
    }
}
