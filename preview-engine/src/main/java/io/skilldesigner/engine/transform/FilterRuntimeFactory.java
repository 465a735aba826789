package io.skilldesigner.engine.transform;

import java.util.Map;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.analytics.Settings;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime of the catalog's {@link FilterNode}. */
public final class FilterRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return FilterNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, Map<String, Object> settings, RuntimeContext context) {
        Settings s = Settings.of(new FilterNode(), settings);
        return new FilterRuntime(s.strings(FilterNode.LABELS), s.decimal(FilterNode.MIN_CONFIDENCE));
    }
}
