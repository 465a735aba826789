package io.skilldesigner.engine.transform;

import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime of the catalog's {@link FilterNode}. */
public final class FilterNodeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return FilterNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, Map<String, Object> settings, RuntimeContext context) {
        @SuppressWarnings("unchecked")
        List<String> labels = (List<String>) settings.getOrDefault(FilterNode.LABELS, List.of());
        Object min = settings.getOrDefault(FilterNode.MIN_CONFIDENCE, 0.0);
        return new FilterRuntime(labels, ((Number) min).doubleValue());
    }
}
