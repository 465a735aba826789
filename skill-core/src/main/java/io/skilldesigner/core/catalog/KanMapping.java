package io.skilldesigner.core.catalog;

import java.util.Map;

import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.SkillNode;

/**
 * How a node type maps to a KAN skill node ({@code type}, {@code name}, string {@code configurations}); see
 * shared/spec/kan-skill-format.md. Each node type keeps its own mapping, so the interchange code has no
 * per-type knowledge.
 */
public interface KanMapping {
    /** KAN's node {@code type}: source, model, transform or export. */
    String kanType();

    /** True when a KAN node of this type and name is this node type. */
    boolean matches(String kanType, String kanName);

    /** KAN's node {@code name} for this node (a model node uses its model's id). */
    String kanName(SkillNode node);

    /** KAN configurations, every value a string as KAN writes them. */
    Map<String, String> toKan(SkillNode node);

    /**
     * Our settings from a KAN node's name and configurations. Values may stay strings; the catalog coerces them.
     *
     * @throws IllegalArgumentException with a plain message when a value cannot be understood
     */
    Map<String, Object> fromKan(String kanName, Map<String, String> configurations);

    /**
     * Like {@link #fromKan(String, Map)}, with the user's model library at hand for node types whose settings
     * follow from a model (a model node takes its model id and task from the library entry KAN's name refers to).
     */
    default Map<String, Object> fromKan(String kanName, Map<String, String> configurations, ModelLibrary models) {
        return fromKan(kanName, configurations);
    }
}
