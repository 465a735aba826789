package io.skilldesigner.core.validation;

import java.util.Objects;

/**
 * One thing wrong with a skill.
 *
 * @param nodeId  the node concerned, or empty for skill-level problems
 * @param setting the setting key concerned, or empty
 * @param message a plain sentence for the user
 */
public record Problem(Severity severity, String nodeId, String setting, String message) {
    public enum Severity { ERROR, WARNING }

    public Problem {
        Objects.requireNonNull(severity, "severity");
        nodeId = nodeId == null ? "" : nodeId;
        setting = setting == null ? "" : setting;
        Objects.requireNonNull(message, "message");
    }

    public static Problem error(String nodeId, String setting, String message) {
        return new Problem(Severity.ERROR, nodeId, setting, message);
    }

    public static Problem warning(String nodeId, String setting, String message) {
        return new Problem(Severity.WARNING, nodeId, setting, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(severity.name());
        if (!nodeId.isEmpty()) {
            sb.append(" [").append(nodeId);
            if (!setting.isEmpty()) {
                sb.append('.').append(setting);
            }
            sb.append(']');
        }
        return sb.append(' ').append(message).toString();
    }
}
