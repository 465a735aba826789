package io.skilldesigner.packaging;

/** File and folder names inside an edge deployment package. */
public final class PackageLayout {
    public static final String SKILL = "skill.json";
    public static final String KAN_SKILL = "kan/skill.yaml";
    public static final String MODELS = "models";
    public static final String LABELS = "labels";
    /** Model descriptor suffix: {@code models/<id>.model.json}. */
    public static final String MODEL_DESCRIPTOR_SUFFIX = ".model.json";
    public static final String IOTEDGE_TEMPLATE = "iotedge/deployment.template.json";
    public static final String README = "README.md";
    public static final String RUNTIME = "runtime";

    private PackageLayout() {
    }

    public static String deployment(Architecture arch) {
        return "iotedge/deployment." + arch.id() + ".json";
    }
}
