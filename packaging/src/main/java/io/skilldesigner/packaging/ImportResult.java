package io.skilldesigner.packaging;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.skill.Skill;

/**
 * A package read back.
 *
 * @param skill         the skill, model references pointing at workspace models; secrets are still the
 *                      placeholders the export wrote ({@code ${SD_SECRET_...}}): the user re-enters them
 * @param addedModels   models copied into the workspace's models folder (absolute local paths); register them
 * @param reusedModels  package model id → id of the workspace model with the same SHA-256 that is used instead
 * @param placeholders  secret environment variables the skill still refers to
 */
public record ImportResult(Skill skill, List<ModelDescriptor> addedModels, Map<String, String> reusedModels,
                           List<String> placeholders) {
    public ImportResult {
        addedModels = List.copyOf(addedModels);
        reusedModels = Collections.unmodifiableMap(new LinkedHashMap<>(reusedModels));
        placeholders = List.copyOf(placeholders);
    }
}
