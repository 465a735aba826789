package io.skilldesigner.engine.model;

import java.nio.file.Path;
import java.util.Objects;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.model.ModelIo;

/**
 * An open ONNX Runtime session for one model file, shared by every node that runs the file. Owned (and closed)
 * by the {@link ModelSessions} cache that opened it. {@link OrtSession#run} is thread-safe, so nodes on
 * different threads may share it.
 */
public final class ModelSession implements AutoCloseable {
    private final Path file;
    private final String sha256;
    private final OrtSession session;
    private final ProviderChoice provider;
    /** The inspection verdict (probe runs included), computed once per session. */
    private ModelIo inspected;

    ModelSession(Path file, String sha256, OrtSession session, ProviderChoice provider) {
        this.file = file;
        this.sha256 = sha256;
        this.session = Objects.requireNonNull(session, "session");
        this.provider = provider;
    }

    public Path file() {
        return file;
    }

    public String sha256() {
        return sha256;
    }

    public OrtSession session() {
        return session;
    }

    public OrtEnvironment environment() {
        return OrtEnvironment.getEnvironment();
    }

    public ProviderChoice provider() {
        return provider;
    }

    /** The cached inspection, computed by {@code inspect} on first use. */
    synchronized ModelIo inspected(java.util.function.Supplier<ModelIo> inspect) {
        if (inspected == null) {
            inspected = inspect.get();
        }
        return inspected;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
