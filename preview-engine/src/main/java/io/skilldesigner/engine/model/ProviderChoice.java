package io.skilldesigner.engine.model;

import java.util.List;

/**
 * The execution provider a model really runs on and, when the skill asked for GPU acceleration, why each provider
 * tried before it was skipped or failed ({@link ProviderChain}).
 *
 * @param provider     {@link #TENSOR_RT}, {@link #CUDA} or {@link #CPU}
 * @param gpuRequested the skill's acceleration (or {@code SD_EXECUTION_PROVIDER=cuda}) asked for a GPU
 * @param reasons      one per provider skipped or failed before {@code provider}, in the order tried, e.g.
 *                     "TensorRT: not in this build"; empty when the first choice runs
 */
public record ProviderChoice(String provider, boolean gpuRequested, List<String> reasons) {
    public static final String CPU = "CPU";
    public static final String CUDA = "CUDA";
    public static final String TENSOR_RT = "TensorRT";

    public ProviderChoice {
        reasons = List.copyOf(reasons);
    }

    /** CPU without a GPU request. */
    public static ProviderChoice cpu() {
        return new ProviderChoice(CPU, false, List.of());
    }

    /** True when a provider before the one used was skipped or failed. */
    public boolean fellBack() {
        return !reasons.isEmpty();
    }

    /** The reasons in one line, empty when none. */
    public String fallbackReason() {
        return String.join("; ", reasons);
    }

    /**
     * What the UI and CLI show, e.g. "requested GPU, running CPU: TensorRT: not in this build; CUDA: not in this
     * build (...)" or "running CPU".
     */
    public String describe() {
        if (!gpuRequested) {
            return "running " + provider;
        }
        return "requested GPU, running " + provider + (fellBack() ? ": " + fallbackReason() : "");
    }
}
