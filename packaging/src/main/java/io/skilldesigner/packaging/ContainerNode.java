package io.skilldesigner.packaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A gRPC custom node that runs as a container deployed with the skill, with its settings resolved.
 *
 * @param nodeId        the skill node
 * @param name          container / IoT Edge module name (the host part of the endpoint the runtime dials)
 * @param image         container image
 * @param createOptions Docker create options, minified JSON
 * @param restartPolicy always, never, on-failure or on-unhealthy
 * @param port          port the server listens on
 * @param env           environment variables (secrets already replaced by placeholders)
 * @param architecture  the only device architecture its image runs on
 */
public record ContainerNode(String nodeId, String name, String image, String createOptions, String restartPolicy,
                            int port, Map<String, String> env, Architecture architecture) {
    public ContainerNode {
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
    }
}
