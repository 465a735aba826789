package io.skilldesigner.packaging;

import io.skilldesigner.core.skill.Acceleration;

/**
 * The skill runtime container image for an acceleration and architecture. Images are not published: the operator
 * builds them from the package's {@code runtime/} Dockerfiles and pushes them to their own registry, so the name
 * starts with the {@code ${CONTAINER_REGISTRY}} placeholder (IoT Edge dev tooling fills it from {@code .env}).
 *
 * @param image      full image reference with the registry placeholder
 * @param variant    tag variant: cpu, cuda or jetson
 * @param dockerfile the Dockerfile under runtime/ that builds it
 */
public record RuntimeImage(String image, String variant, String dockerfile) {
    public static final String REGISTRY_PLACEHOLDER = "${CONTAINER_REGISTRY}";
    public static final String REPOSITORY = "skill-designer-runtime";

    /**
     * CPU → cpu image per architecture; NVIDIA dGPU → CUDA image on amd64; Jetson → L4T-based arm64 image. A GPU
     * acceleration on the other architecture falls back to the GPU image of that architecture (Jetson on arm64,
     * CUDA on amd64); Intel iGPU uses the CPU image (no OpenVINO runtime image yet).
     */
    public static RuntimeImage of(Acceleration acceleration, Architecture arch, String version) {
        boolean gpu = acceleration == Acceleration.NVIDIA_DGPU || acceleration == Acceleration.NVIDIA_JETSON;
        String variant;
        String dockerfile;
        if (!gpu) {
            variant = "cpu";
            dockerfile = arch == Architecture.AMD64 ? "Dockerfile.amd64" : "Dockerfile.arm64v8";
        } else if (arch == Architecture.AMD64) {
            variant = "cuda";
            dockerfile = "Dockerfile.cuda-amd64";
        } else {
            variant = "jetson";
            dockerfile = "Dockerfile.arm64v8";
        }
        return new RuntimeImage(REGISTRY_PLACEHOLDER + "/" + REPOSITORY + ":" + version + "-" + variant + "-"
                + arch.id(), variant, dockerfile);
    }

    public boolean gpu() {
        return !variant.equals("cpu");
    }
}
