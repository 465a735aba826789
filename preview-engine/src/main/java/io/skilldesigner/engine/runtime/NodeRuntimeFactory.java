package io.skilldesigner.engine.runtime;

import java.util.Map;

import io.skilldesigner.core.skill.SkillNode;

/** Creates the runtime of one node type (by catalog type id). */
public interface NodeRuntimeFactory {
    String typeId();

    /**
     * @param settings the node's settings coerced by the catalog, defaults filled, $params resolved
     */
    NodeRuntime create(SkillNode node, Map<String, Object> settings, RuntimeContext context) throws Exception;
}
