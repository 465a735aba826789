package io.skilldesigner.engine.grpc;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime of the {@code grpc-custom} node: a client of the custom node protocol. */
public final class GrpcCustomRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return GrpcCustomNode.ID;
    }

    /**
     * Never fails for an unreachable or unconfigured endpoint: the node shows ERROR with the reason and passes
     * frames through, so the rest of the skill can be previewed.
     */
    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context)
            throws Exception {
        GrpcNodeConfig config;
        try {
            config = GrpcNodeConfig.fromSettings(settings, context);
        } catch (CustomNodeException e) {
            return GrpcCustomRuntime.misconfigured(node.id(), e.getMessage(), context.status());
        }
        return GrpcCustomRuntime.connected(node.id(), new CustomNodeClient(config, context.identity()),
                context.status());
    }
}
