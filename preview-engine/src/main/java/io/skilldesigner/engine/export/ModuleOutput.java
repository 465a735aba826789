package io.skilldesigner.engine.export;

/** Sends a message to one of the runtime module's IoT Edge outputs ({@code metrics}, {@code localmetrics}). */
public interface ModuleOutput extends AutoCloseable {
    void send(String outputName, String body) throws Exception;

    @Override
    default void close() throws Exception {
    }
}
