package io.skilldesigner.engine.analytics;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime factory of the catalog's {@link LineCrossingNode}. */
public final class LineCrossingRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return LineCrossingNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) {
        return new LineCrossingRuntime(node.id(), settings,
                UpstreamTracker.of(context, node).maxAge());
    }
}
