package io.skilldesigner.engine.analytics;

import java.util.Map;

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
    public NodeRuntime create(SkillNode node, Map<String, Object> settings, RuntimeContext context) {
        return new LineCrossingRuntime(node.id(), Settings.of(new LineCrossingNode(), settings),
                UpstreamTracker.of(context, node).maxAge());
    }
}
