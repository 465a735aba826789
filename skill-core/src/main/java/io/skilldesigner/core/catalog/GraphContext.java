package io.skilldesigner.core.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The whole skill as a node type's own graph checks ({@link NodeType#checkInGraph}) see it: the validator
 * builds it once, after every node's settings are resolved and the edges checked.
 */
public interface GraphContext {
    /** Every node, each id once (the first node of a duplicated id), in skill order. */
    List<SkillNode> nodes();

    Optional<SkillNode> node(String nodeId);

    /** A node's effective settings (coerced, defaults filled in, parameters resolved); empty for an unknown type. */
    Map<String, Object> settings(String nodeId);

    /** The ids of the nodes with a path of valid edges to this one. */
    Set<String> upstreamOf(String nodeId);

    ModelLibrary models();
}
