package io.skilldesigner.packaging;

import java.io.IOException;

/** A package could not be written or read; the message names the file (and entry or field) at fault. */
public class PackageException extends IOException {
    public PackageException(String message) {
        super(message);
    }

    public PackageException(String message, Throwable cause) {
        super(message, cause);
    }
}
