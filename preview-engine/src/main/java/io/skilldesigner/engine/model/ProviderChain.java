package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;

/**
 * Which execution provider a session opens with. Without a GPU request: CPU. With one: TensorRT when this ONNX
 * Runtime build lists it and the settings allow it, else (or when it cannot start) CUDA when the build lists it,
 * else (or when it cannot start) CPU. Every provider skipped or failed on the way leaves its reason in the
 * {@link ProviderChoice}, so the UI and CLI say what runs and why.
 */
public final class ProviderChain {
    /** Why CUDA is missing from a build: the usual cause is the default (CPU) artifact. */
    static final String NO_CUDA = "CUDA: not in this build (CPU build of ONNX Runtime; build with -Pgpu for"
            + " onnxruntime_gpu)";
    static final String NO_TENSOR_RT = "TensorRT: not in this build";
    static final String TENSOR_RT_OFF = "TensorRT: turned off (--no-tensorrt)";

    /** Opens a session with one provider ({@link ProviderChoice#TENSOR_RT}, CUDA or CPU), or throws why not. */
    @FunctionalInterface
    public interface Starter<T> {
        T start(String provider) throws OrtException;
    }

    /** What the starter opened and the choice that says on which provider and why. */
    public record Started<T>(T opened, ProviderChoice choice) {
    }

    private final Set<OrtProvider> available;
    private final boolean tensorRtAllowed;

    /**
     * @param available       the providers this ONNX Runtime build lists
     * @param tensorRtAllowed false skips TensorRT (the settings' opt-out), CUDA is then the first GPU choice
     */
    public ProviderChain(Set<OrtProvider> available, boolean tensorRtAllowed) {
        this.available = available.isEmpty() ? EnumSet.noneOf(OrtProvider.class) : EnumSet.copyOf(available);
        this.tensorRtAllowed = tensorRtAllowed;
    }

    /**
     * Starts the first provider that works.
     *
     * @throws OrtException only from the CPU step (the model itself cannot be opened); GPU failures are reasons
     */
    public <T> Started<T> start(boolean gpuRequested, Starter<T> starter) throws OrtException {
        if (!gpuRequested) {
            return new Started<>(starter.start(ProviderChoice.CPU), ProviderChoice.cpu());
        }
        List<String> reasons = new ArrayList<>();
        if (!tensorRtAllowed) {
            reasons.add(TENSOR_RT_OFF);
        } else if (!available.contains(OrtProvider.TENSOR_RT)) {
            reasons.add(NO_TENSOR_RT);
        } else {
            T opened = attempt(ProviderChoice.TENSOR_RT, starter, reasons);
            if (opened != null) {
                return new Started<>(opened, new ProviderChoice(ProviderChoice.TENSOR_RT, true, reasons));
            }
        }
        if (!available.contains(OrtProvider.CUDA)) {
            reasons.add(NO_CUDA);
        } else {
            T opened = attempt(ProviderChoice.CUDA, starter, reasons);
            if (opened != null) {
                return new Started<>(opened, new ProviderChoice(ProviderChoice.CUDA, true, reasons));
            }
        }
        return new Started<>(starter.start(ProviderChoice.CPU), new ProviderChoice(ProviderChoice.CPU, true, reasons));
    }

    /** The provider's session, or null with the reason added (a missing library, no GPU, an unsupported op...). */
    private static <T> T attempt(String provider, Starter<T> starter, List<String> reasons) {
        try {
            return starter.start(provider);
        } catch (OrtException e) {
            // ONNX Runtime prefixes "Error code - ORT_EP_FAIL - message: ": the message alone reads better
            reasons.add(provider + " could not start: " + ModelSessions.firstLine(e)
                    .replaceFirst("^Error code - \\w+ - message: ", ""));
            return null;
        }
    }
}
