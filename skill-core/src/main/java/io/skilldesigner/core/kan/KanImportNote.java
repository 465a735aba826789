package io.skilldesigner.core.kan;

import java.util.Objects;

import io.skilldesigner.core.validation.Problem;

/**
 * Something the user should know about an imported KAN skill: a node or configuration not taken over, a model
 * missing from the library, a default filled in.
 *
 * @param level   WARNING when something was dropped or needs the user's action, INFO otherwise
 * @param where   document path (e.g. {@code spec.nodes[2].configurations.fps}), or empty
 * @param line    1-based line in a YAML document, or 0 when unknown
 * @param nodeId  the KAN node id concerned (the imported node keeps it), or empty
 * @param message a plain sentence
 */
public record KanImportNote(Level level, String where, int line, String nodeId, String message) {
    public enum Level { INFO, WARNING }

    public KanImportNote {
        Objects.requireNonNull(level, "level");
        where = where == null ? "" : where;
        nodeId = nodeId == null ? "" : nodeId;
        Objects.requireNonNull(message, "message");
    }

    public boolean isWarning() {
        return level == Level.WARNING;
    }

    /** As a validation problem (always a warning: the skill was imported). */
    public Problem toProblem() {
        return Problem.warning(nodeId, "", message);
    }

    @Override
    public String toString() {
        return level + " " + KanFormatException.locate(where, line) + message;
    }
}
