package io.skilldesigner.engine.model.threads;

/**
 * How one model session runs: ONNX Runtime's intra-op and inter-op thread counts, and how many inferences may
 * run at once on the shared session (streams beyond that wait their turn, first come first served).
 */
public record ThreadConfig(int intraOp, int interOp, int stages) {
    public ThreadConfig {
        if (intraOp < 1 || interOp < 1 || stages < 1) {
            throw new IllegalArgumentException("thread counts and stages must be >= 1, got intra=" + intraOp
                    + " inter=" + interOp + " stages=" + stages);
        }
    }

    /** "intra 2, inter 1, stages 1". */
    public String describe() {
        return "intra " + intraOp + ", inter " + interOp + ", stages " + stages;
    }
}
