package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;

/**
 * The provider chain's decisions for given builds (the providers ONNX Runtime lists) and a starter that opens or
 * fails per provider, as a missing TensorRT library or a machine without a GPU would.
 */
class ProviderChainTest {
    /** Records which providers were tried; fails those named, with a two-line message like ONNX Runtime's. */
    private static final class Starter implements ProviderChain.Starter<String> {
        final List<String> tried = new ArrayList<>();
        final Set<String> failing;

        Starter(String... failing) {
            this.failing = Set.of(failing);
        }

        @Override
        public String start(String provider) throws OrtException {
            tried.add(provider);
            if (failing.contains(provider)) {
                throw new OrtException(OrtException.OrtErrorCode.ORT_EP_FAIL, provider
                        + " failed: libnvinfer.so.10: cannot open shared object file\n  at provider_bridge.cc:1778");
            }
            return "session on " + provider;
        }
    }

    private static final Set<OrtProvider> CPU_BUILD = EnumSet.of(OrtProvider.CPU);
    private static final Set<OrtProvider> CUDA_BUILD = EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA);
    private static final Set<OrtProvider> TRT_BUILD = EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA,
            OrtProvider.TENSOR_RT);

    @Test
    void withoutAGpuRequestOnlyTheCpuIsTriedEvenWhenTheBuildHasMore() throws OrtException {
        Starter s = new Starter();
        ProviderChain.Started<String> r = new ProviderChain(TRT_BUILD, true).start(false, s);
        assertEquals(List.of("CPU"), s.tried);
        assertEquals(ProviderChoice.cpu(), r.choice());
        assertEquals("running CPU", r.choice().describe());
    }

    @Test
    void tensorRtComesFirstWhenTheBuildHasItAndItStarts() throws OrtException {
        Starter s = new Starter();
        ProviderChain.Started<String> r = new ProviderChain(TRT_BUILD, true).start(true, s);
        assertEquals(List.of("TensorRT"), s.tried);
        assertEquals("session on TensorRT", r.opened());
        assertEquals(new ProviderChoice("TensorRT", true, List.of()), r.choice());
        assertFalse(r.choice().fellBack());
        assertEquals("requested GPU, running TensorRT", r.choice().describe());
    }

    @Test
    void aTensorRtThatCannotStartFallsBackToCudaWithTheFirstLineOfItsError() throws OrtException {
        Starter s = new Starter("TensorRT");
        ProviderChain.Started<String> r = new ProviderChain(TRT_BUILD, true).start(true, s);
        assertEquals(List.of("TensorRT", "CUDA"), s.tried);
        assertEquals("session on CUDA", r.opened());
        assertEquals(List.of("TensorRT could not start: TensorRT failed: libnvinfer.so.10: cannot open shared object"
                + " file"), r.choice().reasons());
        assertEquals("requested GPU, running CUDA: TensorRT could not start: TensorRT failed: libnvinfer.so.10:"
                + " cannot open shared object file", r.choice().describe());
    }

    @Test
    void aCudaBuildWithoutTensorRtSaysSoAndRunsCuda() throws OrtException {
        Starter s = new Starter();
        ProviderChain.Started<String> r = new ProviderChain(CUDA_BUILD, true).start(true, s);
        assertEquals(List.of("CUDA"), s.tried, "TensorRT is not tried when the build does not list it");
        assertEquals("CUDA", r.choice().provider());
        assertEquals(List.of(ProviderChain.NO_TENSOR_RT), r.choice().reasons());
    }

    @Test
    void noGpuOnAGpuBuildEndsOnTheCpuWithBothReasonsInOrder() throws OrtException {
        Starter s = new Starter("TensorRT", "CUDA");
        ProviderChain.Started<String> r = new ProviderChain(TRT_BUILD, true).start(true, s);
        assertEquals(List.of("TensorRT", "CUDA", "CPU"), s.tried);
        assertEquals("CPU", r.choice().provider());
        assertTrue(r.choice().gpuRequested());
        assertEquals(2, r.choice().reasons().size(), r.choice().reasons().toString());
        assertTrue(r.choice().reasons().get(0).startsWith("TensorRT could not start: "), r.choice().describe());
        assertTrue(r.choice().reasons().get(1).startsWith("CUDA could not start: "), r.choice().describe());
        assertFalse(r.choice().describe().contains("provider_bridge"), "one line per reason: "
                + r.choice().describe());
    }

    @Test
    void theCpuBuildTriesNothingButTheCpuAndSaysWhyForBoth() throws OrtException {
        Starter s = new Starter();
        ProviderChain.Started<String> r = new ProviderChain(CPU_BUILD, true).start(true, s);
        assertEquals(List.of("CPU"), s.tried);
        assertEquals(List.of(ProviderChain.NO_TENSOR_RT, ProviderChain.NO_CUDA), r.choice().reasons());
        assertEquals("requested GPU, running CPU: TensorRT: not in this build; CUDA: not in this build (CPU build of"
                + " ONNX Runtime; build with -Pgpu for onnxruntime_gpu)", r.choice().describe());
    }

    @Test
    void turningTensorRtOffGoesStraightToCuda() throws OrtException {
        Starter s = new Starter();
        ProviderChain.Started<String> r = new ProviderChain(TRT_BUILD, false).start(true, s);
        assertEquals(List.of("CUDA"), s.tried);
        assertEquals("CUDA", r.choice().provider());
        assertEquals(List.of(ProviderChain.TENSOR_RT_OFF), r.choice().reasons());
    }

    @Test
    void aModelTheCpuCannotOpenFailsWithTheCpuError() {
        Starter s = new Starter("TensorRT", "CUDA", "CPU");
        OrtException e = assertThrows(OrtException.class, () -> new ProviderChain(TRT_BUILD, true).start(true, s));
        assertTrue(e.getMessage().contains("CPU failed: "), "the CPU step's own error: " + e.getMessage());
        assertEquals(List.of("TensorRT", "CUDA", "CPU"), s.tried);
    }
}
