package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.onnxruntime.OrtProvider;

/**
 * A skill that asks for a GPU, on this CPU build of ONNX Runtime and a real model (YOLOX-Nano from
 * ../shared/models): it runs on the CPU, says why neither TensorRT nor CUDA runs, and detects exactly what a
 * CPU-only session detects.
 */
class ProviderFallbackTest {
    private static final Path YOLOX = TestModels.shared().resolve("models/yolox/yolox-nano-416.onnx");

    @BeforeAll
    static void cpuBuild() {
        assumeTrue(!ModelSessions.availableProviders().contains(OrtProvider.CUDA)
                && !ModelSessions.availableProviders().contains(OrtProvider.TENSOR_RT),
                "this test is about the CPU build; a GPU build runs the chain for real");
    }

    @Test
    void askingForAGpuRunsTheCpuWithBothReasonsAndTheSameDetections() {
        ModelSpec spec = ModelSpec.of(YOLOX, TestModels.model("coco80_labels.txt"));
        try (ModelSessions sessions = new ModelSessions();
             ModelRunner cpu = ModelRunner.load(sessions, spec);
             ModelRunner gpu = ModelRunner.load(sessions, spec.withCuda(true))) {
            assertNotSame(cpu.session(), gpu.session(), "a GPU request has its own session");
            assertEquals(ProviderChoice.cpu(), cpu.provider());
            ProviderChoice c = gpu.provider();
            assertEquals(ProviderChoice.CPU, c.provider());
            assertTrue(c.gpuRequested());
            assertEquals(List.of(ProviderChain.NO_TENSOR_RT, ProviderChain.NO_CUDA), c.reasons());
            assertEquals("requested GPU, running CPU: TensorRT: not in this build; CUDA: not in this build (CPU build"
                    + " of ONNX Runtime; build with -Pgpu for onnxruntime_gpu)", c.describe());
            CocoPhotos.assertSameDetections(cpu, gpu);
        }
    }

    /**
     * The real TensorRT and CUDA steps on a build that lists both but cannot load them (a GPU build on a machine
     * without CUDA): each fails with ONNX Runtime's own first line, the CPU runs, detections unchanged.
     */
    @Test
    void tensorRtAndCudaThatCannotLoadFallBackWithTheirOwnErrors(@TempDir Path dir) {
        ModelSpec spec = ModelSpec.of(YOLOX, TestModels.model("coco80_labels.txt"));
        Path cache = dir.resolve("skill-designer/tensorrt");
        try (ModelSessions gpuBuild = new ModelSessions(SessionSettings.defaults(), null, 1, ModelSessions.Batching.MEASURED,
                EnumSet.of(OrtProvider.CPU, OrtProvider.CUDA, OrtProvider.TENSOR_RT), cache);
             ModelSessions cpuOnly = new ModelSessions();
             ModelRunner gpu = ModelRunner.load(gpuBuild, spec.withCuda(true));
             ModelRunner cpu = ModelRunner.load(cpuOnly, spec)) {
            ProviderChoice c = gpu.provider();
            assertEquals(ProviderChoice.CPU, c.provider(), c.describe());
            assertEquals(2, c.reasons().size(), c.describe());
            assertTrue(c.reasons().get(0).startsWith("TensorRT could not start: ")
                    && c.reasons().get(0).length() > "TensorRT could not start: ".length(), c.describe());
            assertTrue(c.reasons().get(1).startsWith("CUDA could not start: ")
                    && c.reasons().get(1).length() > "CUDA could not start: ".length(), c.describe());
            assertTrue(c.reasons().stream().noneMatch(r -> r.contains("\n") || r.contains("Error code")),
                    "one line each, without ONNX Runtime's code prefix: " + c.describe());
            assertTrue(Files.isDirectory(cache), "the engine cache folder is made before TensorRT is asked to start");
            CocoPhotos.assertSameDetections(cpu, gpu);
        }
    }

    @Test
    void turningTensorRtOffIsTheFirstReason() {
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults().withTensorRt(false));
             ModelRunner gpu = ModelRunner.load(sessions, ModelSpec.of(YOLOX, null).withCuda(true))) {
            assertEquals(List.of(ProviderChain.TENSOR_RT_OFF, ProviderChain.NO_CUDA), gpu.provider().reasons());
            assertEquals(ProviderChoice.CPU, gpu.provider().provider());
        }
    }
}
