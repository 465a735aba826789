package io.skilldesigner.core.kan;

/**
 * A KAN document that cannot be imported. The message says what and where: the document path (e.g.
 * {@code spec.nodes[2].configurations.port}), the line when known, and the node id when one is concerned.
 */
public final class KanFormatException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String where;
    private final int line;

    /**
     * @param where document path, or empty for the document as a whole
     * @param line  1-based line, or 0 when unknown (JSON trees carry no lines)
     */
    public KanFormatException(String where, int line, String message) {
        super(locate(where, line) + message);
        this.where = where == null ? "" : where;
        this.line = line;
    }

    public KanFormatException(String where, int line, String message, Throwable cause) {
        this(where, line, message);
        initCause(cause);
    }

    private KanFormatException(String fullMessage, String where, int line, Throwable cause) {
        super(fullMessage, cause);
        this.where = where;
        this.line = line;
    }

    /** The same problem with the file it was found in named first. */
    public KanFormatException inFile(java.nio.file.Path file) {
        return new KanFormatException(file + ": " + getMessage(), where, line, this);
    }

    /** The document path of the problem, or empty. */
    public String where() {
        return where;
    }

    /** 1-based line of the problem, or 0 when unknown. */
    public int line() {
        return line;
    }

    static String locate(String where, int line) {
        boolean hasWhere = where != null && !where.isEmpty();
        if (!hasWhere && line <= 0) {
            return "";
        }
        return (hasWhere ? where : "") + (line > 0 ? (hasWhere ? " " : "") + "(line " + line + ")" : "") + ": ";
    }
}
