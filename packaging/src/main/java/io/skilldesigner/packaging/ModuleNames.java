package io.skilldesigner.packaging;

import java.util.Locale;

import io.skilldesigner.core.skill.EdgeNames;
import io.skilldesigner.core.skill.Skill;

/** Names the package gives things on the device and in the cluster. */
public final class ModuleNames {
    private ModuleNames() {
    }

    /** The runtime's IoT Edge module name (see {@link EdgeNames#runtimeModule}). */
    public static String runtimeModule(Skill skill) {
        return EdgeNames.runtimeModule(skill);
    }

    /**
     * A Kubernetes object name (DNS-1035 label: lower case, digits, '-', starts with a letter, ≤ 63).
     */
    public static String k8s(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]+", "-").replaceAll("^[^a-z]+|-+$", "");
        if (s.isEmpty()) {
            s = "sd";
        }
        return s.length() > 63 ? s.substring(0, 63).replaceAll("-+$", "") : s;
    }
}
