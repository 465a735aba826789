package io.skilldesigner.core.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one node adds to an edge deployment besides the runtime module that runs the skill: containers of its
 * own, a route of the runtime's insights to IoT Hub, routes to other modules. Node types say it in
 * {@link NodeType#deployment}; the package exporter only collects, so it knows no node type.
 *
 * @param containers    modules to deploy beside the runtime (e.g. a gRPC custom node run as a container)
 * @param sendsToIotHub the runtime's insights are routed upstream to IoT Hub
 * @param moduleRoutes  the runtime's insights are routed to these modules' inputs
 * @param writesFolders folders the runtime writes files to on the device, as the node's setting names them
 *                      (relative: inside the package folder the runtime runs in); the deployment keeps them
 */
public record NodeDeployment(List<Container> containers, boolean sendsToIotHub, List<ModuleRoute> moduleRoutes,
                             List<String> writesFolders) {
    /** Runs inside the runtime module and needs nothing else on the device. */
    public static final NodeDeployment NONE = new NodeDeployment(List.of(), false, List.of());

    public NodeDeployment {
        containers = List.copyOf(containers);
        moduleRoutes = List.copyOf(moduleRoutes);
        writesFolders = List.copyOf(writesFolders);
    }

    public NodeDeployment(List<Container> containers, boolean sendsToIotHub, List<ModuleRoute> moduleRoutes) {
        this(containers, sendsToIotHub, moduleRoutes, List.of());
    }

    /** The runtime writes files into {@code folder} (e.g. video clips). */
    public static NodeDeployment writes(String folder) {
        return new NodeDeployment(List.of(), false, List.of(), List.of(folder));
    }

    public static NodeDeployment of(Container container) {
        return new NodeDeployment(List.of(container), false, List.of());
    }

    public static NodeDeployment toIotHub() {
        return new NodeDeployment(List.of(), true, List.of());
    }

    public static NodeDeployment of(ModuleRoute route) {
        return new NodeDeployment(List.of(), false, List.of(route));
    }

    /**
     * A module the node needs beside the runtime.
     *
     * @param createOptions Docker create options as JSON text, as the user wrote them
     * @param arm64Only     the container image exists only for 64-bit ARM devices (else: x64)
     */
    public record Container(String name, String image, String createOptions, String restartPolicy, int port,
                            Map<String, String> env, boolean arm64Only) {
        public Container {
            env = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(env));
        }

        public Container(String name, String image, String createOptions, String restartPolicy, int port,
                         Map<String, String> env) {
            this(name, image, createOptions, restartPolicy, port, env, false);
        }
    }

    /** A route of the runtime's insights to {@code moduleName}'s input {@code input}. */
    public record ModuleRoute(String moduleName, String input) {
    }

    /**
     * A setting a deployment cannot do without, as text.
     *
     * @throws IllegalArgumentException naming the setting when it is empty (the validator reports it first)
     */
    public static String requireText(Map<String, Object> settings, String key) {
        Object v = settings.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new IllegalArgumentException("setting " + key + " is empty; validate the skill before exporting");
        }
        return String.valueOf(v);
    }
}
