package io.skilldesigner.engine.export;

import io.skilldesigner.core.skill.EdgeNames;
import io.skilldesigner.core.skill.Skill;

/** The IoT Edge routes the insight exports' messages take, as the deployment manifest declares them. */
public final class EdgeRoutes {
    private EdgeRoutes() {
    }

    public static String toIotHub(String runtimeModule) {
        return EdgeNames.routeToIotHub(runtimeModule);
    }

    public static String toModule(String runtimeModule, String module, String input) {
        return EdgeNames.routeToModule(runtimeModule, module, input);
    }

    /**
     * The runtime's module name: on a device IoT Edge tells it ({@code IOTEDGE_MODULEID}); in preview it is the
     * name the edge package gives it ({@link EdgeNames#runtimeModule}).
     */
    public static String runtimeModule(Skill skill) {
        String fromEdge = System.getenv("IOTEDGE_MODULEID");
        if (fromEdge != null && !fromEdge.isBlank()) {
            return fromEdge;
        }
        return skill == null ? "sd-skill" : EdgeNames.runtimeModule(skill);
    }
}
