package io.skilldesigner.app.skills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.packaging.ModelStartCheck;

/**
 * The export's model start check for the Skills page: whether the engine would open each model of a skill at its
 * start (a label file that does not match the model is imported with a warning, but the skill would not start).
 * Each model is opened once per state of its files and settings, so reloading the page costs nothing new.
 * Thread-safe: checks run off the FX thread.
 */
final class ModelStartChecks {
    /** What decides a model's answer: its settings and the size and time of its model and label files. */
    private record Key(ModelDescriptor model, String modelFile, String labelFile) {
        static Key of(ModelDescriptor d) {
            return new Key(d, state(d.model()), state(d.labels()));
        }

        private static String state(FileLocation f) {
            if (f == null || f.path().isEmpty()) {
                return "";
            }
            Path p = Path.of(f.path());
            try {
                return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return "unreadable: " + e.getMessage(); // the check itself says what is wrong with it
            }
        }
    }

    private final Map<Key, Optional<String>> known = new ConcurrentHashMap<>();

    /**
     * @param models the workspace's library with absolute paths
     * @return an error on the first node using each model the engine would refuse, with its reason
     */
    List<Problem> problems(NodeCatalog catalog, Skill skill, ModelLibrary models) {
        List<Problem> out = new ArrayList<>();
        try (ModelSessions sessions = new ModelSessions()) {
            ModelStartCheck.modelReferences(catalog, skill).forEach((nodeId, modelId) -> models.find(modelId)
                    .flatMap(d -> known.computeIfAbsent(Key.of(d), k -> ModelStartCheck.reason(sessions, d)))
                    .ifPresent(reason -> out.add(Problem.error(nodeId, "", reason + " (the skill would not start)"))));
        }
        return out;
    }
}
