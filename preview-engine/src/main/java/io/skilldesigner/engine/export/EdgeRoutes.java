package io.skilldesigner.engine.export;

import java.util.Locale;

import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.skill.Skill;

/** The IoT Edge routes the insight exports' messages take, as the deployment manifest declares them. */
public final class EdgeRoutes {
    private EdgeRoutes() {
    }

    public static String toIotHub(String runtimeModule) {
        return "FROM /messages/modules/" + runtimeModule + "/outputs/" + IotHubExportNode.OUTPUT_NAME
                + " INTO $upstream";
    }

    public static String toModule(String runtimeModule, String module, String input) {
        return "FROM /messages/modules/" + runtimeModule + "/outputs/" + IotEdgeModuleExportNode.OUTPUT_NAME
                + " INTO BrokeredEndpoint(\"/modules/" + module + "/inputs/" + input + "\")";
    }

    /**
     * The runtime's module name: on a device IoT Edge tells it ({@code IOTEDGE_MODULEID}); in preview it is the
     * name the edge package gives it, {@code sd-<skill name or id>}. This mirrors packaging's
     * {@code ModuleNames.runtimeModule}, which preview-engine cannot depend on; keep the two equal.
     */
    public static String runtimeModule(Skill skill) {
        String fromEdge = System.getenv("IOTEDGE_MODULEID");
        if (fromEdge != null && !fromEdge.isBlank()) {
            return fromEdge;
        }
        if (skill == null) {
            return "sd-skill";
        }
        String base = skill.name().isBlank() ? skill.id() : skill.name();
        String slug = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]+", "-").replaceAll("^-+|-+$", "");
        String name = "sd-" + (slug.isEmpty() ? "skill" : slug);
        return name.length() > 50 ? name.substring(0, 50).replaceAll("-+$", "") : name;
    }
}
