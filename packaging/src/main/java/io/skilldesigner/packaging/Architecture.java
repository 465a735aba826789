package io.skilldesigner.packaging;

/** Device CPU architectures a package carries a deployment manifest for, named as IoT Edge tooling names them. */
public enum Architecture {
    AMD64("amd64", "linux/amd64"),
    ARM64V8("arm64v8", "linux/arm64");

    private final String id;
    private final String dockerPlatform;

    Architecture(String id, String dockerPlatform) {
        this.id = id;
        this.dockerPlatform = dockerPlatform;
    }

    /** e.g. {@code amd64}: the suffix of {@code deployment.<id>.json} and of image tags. */
    public String id() {
        return id;
    }

    /** {@code amd64}, {@code arm64v8} or {@code arm64} (as Docker and Kubernetes name it). */
    public static Architecture parse(String name) {
        for (Architecture a : values()) {
            if (a.id.equals(name) || a.dockerPlatform.equals("linux/" + name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown architecture '" + name + "' (amd64, arm64)");
    }

    /** {@code kubernetes.io/arch} node label value: {@code amd64}, {@code arm64}. */
    public String kubernetesArch() {
        return dockerPlatform.substring("linux/".length());
    }

    /** {@code docker buildx --platform} value. */
    public String dockerPlatform() {
        return dockerPlatform;
    }
}
