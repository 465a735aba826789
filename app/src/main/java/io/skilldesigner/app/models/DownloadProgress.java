package io.skilldesigner.app.models;

/** Progress callback: bytes done of total (total -1 when unknown). */
@FunctionalInterface
public interface DownloadProgress {
    void update(long done, long total);
}
