package io.skilldesigner.core.kan;

import java.util.Objects;

import io.skilldesigner.core.validation.Problem;

/**
 * Something of our skill that the KAN document does not carry, reported instead of silently dropped.
 *
 * @param kind    what was left out or changed
 * @param nodeId  the node concerned (for an edge: its source node), or empty for the skill itself
 * @param typeId  our node type id, or empty
 * @param subject the setting key, the edge ({@code a.f -> b.f}), or the skill field concerned; may be empty
 * @param reason  a plain sentence for the user
 */
public record KanOmission(Kind kind, String nodeId, String typeId, String subject, String reason) {
    public enum Kind {
        /** A node whose type has no KAN equivalent: not in the document. */
        NODE,
        /** An edge to or from such a node: not in the document. */
        EDGE,
        /** A setting KAN cannot express: dropped or written differently. */
        SETTING,
        /** A skill-level field (name, tag, parameter) written differently or left out. */
        SKILL
    }

    public KanOmission {
        Objects.requireNonNull(kind, "kind");
        nodeId = nodeId == null ? "" : nodeId;
        typeId = typeId == null ? "" : typeId;
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(reason, "reason");
    }

    /** As a validation warning, for showing beside the skill's other problems. */
    public Problem toProblem() {
        return Problem.warning(nodeId, kind == Kind.SETTING ? subject : "", reason);
    }

    @Override
    public String toString() {
        return kind + (nodeId.isEmpty() ? "" : " [" + nodeId + (typeId.isEmpty() ? "" : " " + typeId) + "]")
                + (subject.isEmpty() ? "" : " " + subject) + ": " + reason;
    }
}
