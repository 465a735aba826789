package io.skilldesigner.engine.model;

/**
 * ONNX Runtime threading, and whether TensorRT may be tried, for every session a {@link ModelSessions} cache opens.
 * Explicit counts override the measured choice of a tuning cache
 * ({@link io.skilldesigner.engine.model.threads.ThreadTuner}).
 *
 * @param intraOpThreads threads inside one operator; 0 lets ONNX Runtime choose (all cores), or the tuner
 * @param interOpThreads threads across independent operators; 0 lets ONNX Runtime choose, or the tuner
 * @param stages         inferences that may run at once on one shared session (streams beyond it wait their turn,
 *                       first come first served); 0: the tuner's choice, or the number of cores
 * @param tensorRt       whether a GPU request tries TensorRT before CUDA ({@link ProviderChain}); false is the
 *                       CLI's {@code --no-tensorrt}
 */
public record SessionSettings(int intraOpThreads, int interOpThreads, int stages, boolean tensorRt) {
    public SessionSettings {
        if (intraOpThreads < 0 || interOpThreads < 0 || stages < 0) {
            throw new IllegalArgumentException("thread counts must be >= 0 (0 = automatic), got intra="
                    + intraOpThreads + " inter=" + interOpThreads + " stages=" + stages);
        }
    }

    public SessionSettings(int intraOpThreads, int interOpThreads, int stages) {
        this(intraOpThreads, interOpThreads, stages, true);
    }

    public SessionSettings(int intraOpThreads, int interOpThreads) {
        this(intraOpThreads, interOpThreads, 0);
    }

    /** These settings with TensorRT allowed or not. */
    public SessionSettings withTensorRt(boolean allowed) {
        return new SessionSettings(intraOpThreads, interOpThreads, stages, allowed);
    }

    public static SessionSettings defaults() {
        return new SessionSettings(0, 0, 0);
    }

    /** True when the intra-op count is given: the tuner does not measure, these counts apply. */
    public boolean overridesThreads() {
        return intraOpThreads > 0;
    }

    /**
     * Parses the CLI's {@code --threads INTRA[,INTER[,STAGES]]}.
     *
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public static SessionSettings parse(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > 3) {
            throw new IllegalArgumentException("--threads takes INTRA[,INTER[,STAGES]], got '" + text + "'");
        }
        int[] v = new int[3];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--threads takes whole numbers INTRA[,INTER[,STAGES]], got '"
                        + text + "'", e);
            }
            if (v[i] < 1) {
                throw new IllegalArgumentException("--threads counts must be >= 1, got '" + text + "'");
            }
        }
        return new SessionSettings(v[0], v[1], v[2]);
    }
}
