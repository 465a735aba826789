package io.skilldesigner.engine.transform;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.SkillNode;
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
    public NodeRuntime create(SkillNode node, EffectiveSettings s, RuntimeContext context) {
        return new FilterRuntime(s.strings(FilterNode.LABELS), s.decimal(FilterNode.MIN_CONFIDENCE));
    }
}
