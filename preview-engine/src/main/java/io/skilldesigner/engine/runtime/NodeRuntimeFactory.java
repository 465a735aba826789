package io.skilldesigner.engine.runtime;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.skill.SkillNode;

/** Creates the runtime of one node type (by catalog type id). */
public interface NodeRuntimeFactory {
    String typeId();

    /**
     * @param settings the node's effective settings, built once by the engine: catalog defaults merged, values
     *                 converted by their setting type, {@code $param}s and secrets resolved. A factory reads them;
     *                 it never merges defaults or converts values itself.
     */
    NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) throws Exception;
}
