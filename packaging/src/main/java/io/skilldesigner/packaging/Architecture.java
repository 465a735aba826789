package io.skilldesigner.packaging;

/** Device CPU architectures a package carries a deployment manifest for, named as IoT Edge tooling names them. */
public enum Architecture {
    AMD64("amd64", "linux/amd64", "linux-x86_64", "linux-x64", 0x3E),
    ARM64V8("arm64v8", "linux/arm64", "linux-arm64", "linux-aarch64", 0xB7);

    private final String id;
    private final String dockerPlatform;
    private final String javacppPlatform;
    private final String onnxRuntimePlatform;
    private final int elfMachine;

    Architecture(String id, String dockerPlatform, String javacppPlatform, String onnxRuntimePlatform,
                 int elfMachine) {
        this.id = id;
        this.dockerPlatform = dockerPlatform;
        this.javacppPlatform = javacppPlatform;
        this.onnxRuntimePlatform = onnxRuntimePlatform;
        this.elfMachine = elfMachine;
    }

    /** JavaCPP's platform (classifier of its native jars): {@code linux-x86_64}, {@code linux-arm64}. */
    public String javacppPlatform() {
        return javacppPlatform;
    }

    /** ONNX Runtime's folder in its jar ({@code ai/onnxruntime/native/<this>/}): {@code linux-x64}, {@code linux-aarch64}. */
    public String onnxRuntimePlatform() {
        return onnxRuntimePlatform;
    }

    /** ELF {@code e_machine} of this architecture's shared libraries (EM_X86_64, EM_AARCH64). */
    public int elfMachine() {
        return elfMachine;
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
