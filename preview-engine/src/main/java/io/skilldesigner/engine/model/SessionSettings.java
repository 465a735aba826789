package io.skilldesigner.engine.model;

/**
 * ONNX Runtime threading for every session a {@link ModelSessions} cache opens.
 *
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose (all cores)
 * @param interOpThreads threads across independent operators; 0 lets ONNX Runtime choose
 */
public record SessionSettings(int intraOpThreads, int interOpThreads) {
    public SessionSettings {
        if (intraOpThreads < 0 || interOpThreads < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = ONNX Runtime's choice), got intra="
                    + intraOpThreads + " inter=" + interOpThreads);
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(0, 0);
    }
}
