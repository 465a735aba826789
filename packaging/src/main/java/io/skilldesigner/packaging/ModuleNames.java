package io.skilldesigner.packaging;

import java.util.Locale;

import io.skilldesigner.core.skill.Skill;

/** Names the package gives things on the device and in the cluster. */
public final class ModuleNames {
    private ModuleNames() {
    }

    /**
     * The runtime's IoT Edge module name: {@code sd-<skill name or id>}, letters/digits/-/_ only, at most 50
     * characters, so several skills can run side by side on one device.
     */
    public static String runtimeModule(Skill skill) {
        String base = skill.name().isBlank() ? skill.id() : skill.name();
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        if (slug.isEmpty()) {
            slug = "skill";
        }
        String name = "sd-" + slug;
        return name.length() > 50 ? name.substring(0, 50).replaceAll("-+$", "") : name;
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
