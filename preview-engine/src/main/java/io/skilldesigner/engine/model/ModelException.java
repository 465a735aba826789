package io.skilldesigner.engine.model;

/** A model could not be loaded, inspected or run; the message names the model and its file. */
public class ModelException extends RuntimeException {
    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "model 'x' (file): what" — the shape every model error message has. */
    public static ModelException of(String modelName, Object file, String what, Throwable cause) {
        return new ModelException("model '" + modelName + "' (" + file + "): " + what, cause);
    }

    public static ModelException of(String modelName, Object file, String what) {
        return of(modelName, file, what, null);
    }
}
