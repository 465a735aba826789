package io.skilldesigner.core.diff;

import java.util.Optional;

import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;

/** The SHA-256 of a model's file by model id, where known; models are compared by content, not by name. */
@FunctionalInterface
public interface ModelChecksums {
    Optional<String> sha256(String modelId);

    static ModelChecksums none() {
        return id -> Optional.empty();
    }

    static ModelChecksums of(ModelLibrary library) {
        return id -> library.find(id).map(ModelDescriptor::sha256).filter(s -> !s.isBlank());
    }
}
