package io.skilldesigner.core.skill;

/** Where a skill's models are meant to run on the edge device. */
public enum Acceleration {
    CPU("CPU", "cpu"),
    NVIDIA_DGPU("NVIDIA dGPU", "nvidia-dgpu"),
    NVIDIA_JETSON("NVIDIA Jetson", "nvidia-jetson"),
    INTEL_IGPU("Intel iGPU", "intel-igpu");

    private final String displayName;
    private final String kanValue;

    Acceleration(String displayName, String kanValue) {
        this.displayName = displayName;
        this.kanValue = kanValue;
    }

    public String displayName() {
        return displayName;
    }

    /** The value KAN's portal stores in the skill parameter {@code accelerationRetrieve}. */
    public String kanValue() {
        return kanValue;
    }

    /** True when the models should ask ONNX Runtime for CUDA. */
    public boolean wantsCuda() {
        return this == NVIDIA_DGPU || this == NVIDIA_JETSON;
    }

    public static Acceleration fromKan(String value) {
        for (Acceleration a : values()) {
            if (a.kanValue.equalsIgnoreCase(value) || a.name().equalsIgnoreCase(value)
                    || a.displayName.equalsIgnoreCase(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown acceleration '" + value + "'");
    }
}
