package io.skilldesigner.core.workspace;

import java.nio.file.Path;

/**
 * A workspace file that could not be loaded.
 *
 * @param file    the file
 * @param message what is wrong and where (file, line, column, field), ready to show
 */
public record LoadError(Path file, String message) {
}
