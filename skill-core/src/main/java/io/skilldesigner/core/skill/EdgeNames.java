package io.skilldesigner.core.skill;

import java.util.Locale;

import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;

/**
 * The names a skill's runtime has on an IoT Edge device and the edge hub routes of its insight exports. One
 * definition for the package writer (manifests) and the runtime (the route shown with each message in preview).
 */
public final class EdgeNames {
    private EdgeNames() {
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

    /** The route of the IoT Hub export: the runtime's {@code metrics} output to IoT Hub. */
    public static String routeToIotHub(String runtimeModule) {
        return "FROM /messages/modules/" + runtimeModule + "/outputs/" + IotHubExportNode.OUTPUT_NAME
                + " INTO $upstream";
    }

    /** The route of the IoT Edge module export: the runtime's {@code localmetrics} output to a module's input. */
    public static String routeToModule(String runtimeModule, String module, String input) {
        return "FROM /messages/modules/" + runtimeModule + "/outputs/" + IotEdgeModuleExportNode.OUTPUT_NAME
                + " INTO BrokeredEndpoint(\"/modules/" + module + "/inputs/" + input + "\")";
    }
}
