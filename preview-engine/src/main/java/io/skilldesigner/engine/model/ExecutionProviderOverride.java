package io.skilldesigner.engine.model;

import java.util.Locale;

/**
 * {@code SD_EXECUTION_PROVIDER} of the runtime images: {@code cuda} (set by the CUDA image) asks for a GPU (TensorRT,
 * CUDA, then CPU: {@link ProviderChain}), {@code cpu}
 * forces the CPU, unset or empty leaves it to the skill's acceleration. Lets one skill run on a GPU device and a CPU
 * device from the same package.
 */
public record ExecutionProviderOverride(String value) {
    public static final String VARIABLE = "SD_EXECUTION_PROVIDER";

    public static ExecutionProviderOverride system() {
        return new ExecutionProviderOverride(System.getenv(VARIABLE));
    }

    /** @throws IllegalArgumentException for a value other than cuda/cpu, naming the variable */
    public boolean wantsCuda(boolean skillWantsCuda) {
        if (value == null || value.isBlank()) {
            return skillWantsCuda;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "cuda" -> true;
            case "cpu" -> false;
            default -> throw new IllegalArgumentException(VARIABLE + "='" + value + "': expected cuda or cpu");
        };
    }
}
