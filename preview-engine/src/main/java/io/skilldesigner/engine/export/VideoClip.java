package io.skilldesigner.engine.export;

import java.nio.file.Path;

/**
 * A clip the video snippet export finished.
 *
 * @param blobUrl where it was uploaded (no SAS), or empty
 * @param frames  frames encoded (fewer than the source delivered when the encoder fell behind)
 */
public record VideoClip(Path file, String blobUrl, int frames, long firstMillis, long lastMillis) {
}
