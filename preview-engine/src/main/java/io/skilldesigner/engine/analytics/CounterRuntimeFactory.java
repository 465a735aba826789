package io.skilldesigner.engine.analytics;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime factory of the catalog's {@link CounterNode}. */
public final class CounterRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return CounterNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) {
        return new CounterRuntime(node.id(), settings,
                UpstreamTracker.of(context, node).present());
    }
}
