package io.skilldesigner.packaging;

import java.util.List;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Acceleration;

/**
 * What a skill needs on a device, read once from the (secret-free) skill and shared by the IoT Edge and
 * Kubernetes writers.
 *
 * @param skillId        the skill's id
 * @param runtimeModule  module / deployment name of the skill runtime
 * @param acceleration   the skill's acceleration (chooses the runtime image)
 * @param version        runtime image version tag
 * @param containers     gRPC custom nodes deployed as containers, in skill order
 * @param toIotHub       an IoT Hub export node is present (route output metrics → $upstream)
 * @param moduleTargets  IoT Edge module export targets (route output localmetrics → module input)
 * @param secrets        environment variables the operator sets instead of the secrets left out
 * @param outputFolders  folders the runtime writes files to (video clips), kept on the device
 */
public record DeploymentPlan(String skillId, String runtimeModule, Acceleration acceleration, String version,
                             List<ContainerNode> containers, boolean toIotHub, List<ModuleTarget> moduleTargets,
                             List<SecretRef> secrets, List<OutputFolder> outputFolders) {
    public DeploymentPlan {
        containers = List.copyOf(containers);
        moduleTargets = List.copyOf(moduleTargets);
        secrets = List.copyOf(secrets);
        outputFolders = List.copyOf(outputFolders);
    }

    /**
     * A folder a node's runtime writes to, as its setting names it: relative to the package folder the runtime
     * runs in ({@code /package}), or absolute in the container.
     */
    public record OutputFolder(String nodeId, String folder) {
        /** Where the folder is in the runtime container. */
        public String containerPath() {
            return java.nio.file.Path.of(IotEdgeManifests.CONTAINER_PACKAGE_DIR).resolve(folder).normalize()
                    .toString().replace('\\', '/');
        }

        /** Inside the package folder, which the deployments keep on the device (bind mount, volume). */
        public boolean insidePackage() {
            String dir = IotEdgeManifests.CONTAINER_PACKAGE_DIR;
            return containerPath().startsWith(dir + "/");
        }
    }

    /** An IoT Edge module export's destination. */
    public record ModuleTarget(String nodeId, String module, String input) {
    }

    /**
     * Secrets the runtime itself needs: all but the env entries of container nodes, which only their own container
     * receives.
     */
    public List<SecretRef> runtimeSecrets() {
        return secrets.stream().filter(s -> containers.stream().noneMatch(c -> c.nodeId().equals(s.nodeId())
                && s.key().startsWith(GrpcCustomNode.ENV + "_"))).toList();
    }

    public RuntimeImage runtimeImage(Architecture arch) {
        return RuntimeImage.of(acceleration, arch, version);
    }
}
