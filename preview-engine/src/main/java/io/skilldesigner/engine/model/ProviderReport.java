package io.skilldesigner.engine.model;

import java.nio.file.Path;

/** Which provider a model node's model runs on, for the preview UI and the CLI. */
public record ProviderReport(String nodeId, String modelName, Path file, ProviderChoice choice) {
    public String describe() {
        return modelName + " (" + file.getFileName() + "): " + choice.describe();
    }
}
