package io.skilldesigner.app.models;

/** A blob as the browser lists it. */
public record BlobEntry(String container, String name, long size, String etag) {
}
