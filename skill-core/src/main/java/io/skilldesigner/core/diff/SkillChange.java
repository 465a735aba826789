package io.skilldesigner.core.diff;

import java.util.Objects;

/**
 * One difference between two versions of a skill.
 *
 * @param kind     what changed
 * @param nodeId   the node concerned (its id in the newer version; the older id for a removed node), or empty
 * @param key      the field, setting key, tag or parameter name, or empty
 * @param label    how people call it (a setting's form label, a node's display name), or empty
 * @param oldValue the value before, as text; empty when there was none
 * @param newValue the value after, as text; empty when there is none
 * @param unit     the setting's unit from the node catalog ("seconds", "px"), or empty
 */
public record SkillChange(Kind kind, String nodeId, String key, String label, String oldValue, String newValue,
                          String unit) {

    /** What a change is about; {@link #POSITION} is layout only and reported apart. */
    public enum Kind {
        SKILL, BASICS, TAG_ADDED, TAG_REMOVED, TAG_CHANGED, PARAMETER_ADDED, PARAMETER_REMOVED, PARAMETER_CHANGED,
        NODE_ADDED, NODE_REMOVED, NODE_RENAMED, NODE_ID_CHANGED, SETTING, MODEL, EDGE_ADDED, EDGE_REMOVED, POSITION
    }

    public SkillChange {
        Objects.requireNonNull(kind, "kind");
        nodeId = nodeId == null ? "" : nodeId;
        key = key == null ? "" : key;
        label = label == null ? "" : label;
        oldValue = oldValue == null ? "" : oldValue;
        newValue = newValue == null ? "" : newValue;
        unit = unit == null ? "" : unit;
    }

    /** One line for people, e.g. {@code ~ setting detector.confidence (Confidence threshold): 0.5 -> 0.7}. */
    public String describe() {
        return switch (kind) {
            case SKILL -> "~ " + key + ": " + quoted(oldValue) + " -> " + quoted(newValue);
            case BASICS -> "~ basics " + label + ": " + withUnit(oldValue) + " -> " + withUnit(newValue);
            case TAG_ADDED -> "+ tag " + key + "=" + newValue;
            case TAG_REMOVED -> "- tag " + key + "=" + oldValue;
            case TAG_CHANGED -> "~ tag " + key + ": " + quoted(oldValue) + " -> " + quoted(newValue);
            case PARAMETER_ADDED -> "+ parameter " + key + "=" + newValue;
            case PARAMETER_REMOVED -> "- parameter " + key + "=" + oldValue;
            case PARAMETER_CHANGED -> "~ parameter " + key + ": " + quoted(oldValue) + " -> " + quoted(newValue);
            case NODE_ADDED -> "+ node " + nodeId + " (" + label + ", " + newValue + ")";
            case NODE_REMOVED -> "- node " + nodeId + " (" + label + ", " + oldValue + ")";
            case NODE_RENAMED -> "~ node " + nodeId + " renamed: " + quoted(oldValue) + " -> " + quoted(newValue);
            case NODE_ID_CHANGED -> "~ node id " + oldValue + " -> " + newValue + " (" + label + ")";
            case SETTING -> "~ setting " + nodeId + "." + key + (label.isEmpty() ? "" : " (" + label + ")") + ": "
                    + withUnit(oldValue) + " -> " + withUnit(newValue);
            case MODEL -> "~ model " + nodeId + "." + key + (label.isEmpty() ? "" : " (" + label + ")")
                    + ": sha256 " + oldValue + " -> " + newValue;
            case EDGE_ADDED -> "+ edge " + newValue;
            case EDGE_REMOVED -> "- edge " + oldValue;
            case POSITION -> "~ position " + nodeId + ": " + oldValue + " -> " + newValue;
        };
    }

    private String withUnit(String value) {
        if (value.isEmpty()) {
            return "(none)";
        }
        return unit.isEmpty() ? value : value + " " + unit;
    }

    private static String quoted(String value) {
        return "\"" + value + "\"";
    }
}
