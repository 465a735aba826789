package io.skilldesigner.engine.model;

/**
 * The execution provider a model really runs on, and why it is not the requested one.
 *
 * @param provider       "CUDA" or "CPU"
 * @param cudaRequested  the skill's acceleration asked for CUDA
 * @param fallbackReason empty unless CUDA was requested and CPU is used
 */
public record ProviderChoice(String provider, boolean cudaRequested, String fallbackReason) {
    public static final String CPU = "CPU";
    public static final String CUDA = "CUDA";

    public ProviderChoice {
        fallbackReason = fallbackReason == null ? "" : fallbackReason;
    }

    public boolean fellBack() {
        return !fallbackReason.isEmpty();
    }

    /** What the UI and CLI show, e.g. "requested CUDA, running CPU: no CUDA provider in this build". */
    public String describe() {
        return fellBack() ? "requested CUDA, running CPU: " + fallbackReason : "running " + provider;
    }
}
