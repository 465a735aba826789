package io.skilldesigner.engine.analytics;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime factory of the catalog's {@link ZoneNode}. */
public final class ZoneRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return ZoneNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) {
        return new ZoneRuntime(node.id(), settings,
                UpstreamTracker.of(context, node).maxAge());
    }
}
