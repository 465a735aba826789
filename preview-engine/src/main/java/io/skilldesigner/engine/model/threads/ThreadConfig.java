package io.skilldesigner.engine.model.threads;

/**
 * How one model session runs: ONNX Runtime's intra-op and inter-op thread counts, how many inferences may run at
 * once on the shared session (streams beyond that wait their turn, first come first served), and how many streams'
 * inputs one inference takes (a batch; 1 for models without a dynamic batch dimension).
 */
public record ThreadConfig(int intraOp, int interOp, int stages, int batch) {
    public ThreadConfig {
        batch = batch == 0 ? 1 : batch; // tables cached before batches were measured have no batch
        if (intraOp < 1 || interOp < 1 || stages < 1 || batch < 1) {
            throw new IllegalArgumentException("thread counts, stages and batch must be >= 1, got intra=" + intraOp
                    + " inter=" + interOp + " stages=" + stages + " batch=" + batch);
        }
    }

    /** One input per inference. */
    public ThreadConfig(int intraOp, int interOp, int stages) {
        this(intraOp, interOp, stages, 1);
    }

    /** Streams' inputs in flight at once: stages times batch. */
    public int inputsInFlight() {
        return stages * batch;
    }

    /** "intra 2, inter 1, stages 1", with ", batch 4" when inputs are batched. */
    public String describe() {
        return "intra " + intraOp + ", inter " + interOp + ", stages " + stages + (batch > 1 ? ", batch " + batch : "");
    }
}
