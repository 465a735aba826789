package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.List;

/**
 * The package README's command that fills a deployment manifest's placeholders. {@code envsubst} is given the
 * exact variables to replace: without that list it also empties {@code $edgeAgent}, {@code $edgeHub} and
 * {@code $upstream}, which IoT Edge needs literally (three schema errors and a broken route).
 */
final class DeployCommand {
    static final List<String> REGISTRY_VARIABLES = List.of("CONTAINER_REGISTRY", "CONTAINER_REGISTRY_USERNAME",
            "CONTAINER_REGISTRY_PASSWORD");

    private DeployCommand() {
    }

    /** e.g. {@code envsubst '$CONTAINER_REGISTRY ...' < iotedge/deployment.amd64.json > deployment.amd64.json} */
    static String envsubst(DeploymentPlan plan, Architecture arch) {
        List<String> vars = new ArrayList<>(REGISTRY_VARIABLES);
        plan.secrets().stream().map(SecretRef::envVar).distinct().forEach(vars::add);
        StringBuilder list = new StringBuilder();
        for (String v : vars) {
            list.append(list.length() == 0 ? "" : " ").append('$').append(v);
        }
        return "envsubst '" + list + "' < " + PackageLayout.deployment(arch) + " > deployment." + arch.id() + ".json";
    }
}
