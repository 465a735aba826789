package io.skilldesigner.core.io;

import java.io.IOException;

/**
 * A file that cannot be read as what it should be. The message says where:
 * {@code skills/demo.skill.json line 12, column 5: nodes[2].settings.confidence: expected a number, got 'abc'}.
 */
public class FileFormatException extends IOException {
    private final String source;
    private final int line;
    private final int column;
    private final String field;
    private final String detail;

    /**
     * @param line   1-based, or 0 when unknown
     * @param column 1-based, or 0 when unknown
     * @param field  path of the field ({@code nodes[2].settings.confidence}), or empty
     */
    public FileFormatException(String source, int line, int column, String field, String detail) {
        super(format(source, line, column, field, detail));
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field == null ? "" : field;
        this.detail = detail;
    }

    private static String format(String source, int line, int column, String field, String detail) {
        StringBuilder sb = new StringBuilder(source);
        if (line > 0) {
            sb.append(" line ").append(line);
            if (column > 0) {
                sb.append(", column ").append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(detail).toString();
    }

    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    /** The problem alone, without the location. */
    public String detail() {
        return detail;
    }
}
