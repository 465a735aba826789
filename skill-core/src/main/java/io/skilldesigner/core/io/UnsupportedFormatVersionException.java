package io.skilldesigner.core.io;

/** A file written by a newer Skill Designer: reading it could lose what this version does not know. */
public class UnsupportedFormatVersionException extends FileFormatException {
    private final int version;
    private final int supported;

    public UnsupportedFormatVersionException(String source, int line, int column, int version, int supported) {
        super(source, line, column, "formatVersion", "format version " + version
                + " is newer than this Skill Designer supports (" + supported
                + "); open it with a newer version. The file was left unchanged");
        this.version = version;
        this.supported = supported;
    }

    public int version() {
        return version;
    }

    public int supported() {
        return supported;
    }
}
