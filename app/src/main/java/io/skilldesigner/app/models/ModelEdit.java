package io.skilldesigner.app.models;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Tag;
import io.skilldesigner.core.workspace.WorkspacePaths;
import io.skilldesigner.engine.model.LabelFile;

/**
 * What the Edit dialog changes on a model: every field the user gave when adding it, the task and the labels
 * included (so a classifier added as a detector is fixed without deleting and re-adding it).
 *
 * @param newLabels a labels file to copy into the workspace next to the model, or null to keep the current one
 */
public record ModelEdit(String name, ModelTask task, String description, List<Tag> tags, Path newLabels) {
    public ModelEdit {
        tags = List.copyOf(tags);
    }

    /** The edited model; a new labels file is read first (a bad one changes nothing) and then copied in. */
    public ModelDescriptor applyTo(ModelDescriptor m, Path workspaceRoot) throws IOException {
        FileLocation labels = m.labels();
        if (newLabels != null) {
            List<String> names = LabelFile.read(newLabels);
            if (names.isEmpty()) {
                throw new IOException("The labels file " + newLabels + " has no labels");
            }
            Path dir = m.model() != null && !m.model().path().isEmpty()
                    ? WorkspacePaths.resolve(workspaceRoot, m.model().path()).getParent() : workspaceRoot.resolve("models");
            Files.createDirectories(dir);
            Path target = dir.resolve(m.id() + ".labels.txt");
            Files.copy(newLabels, target, StandardCopyOption.REPLACE_EXISTING);
            labels = FileLocation.local(workspaceRoot.relativize(target).toString().replace('\\', '/'));
        }
        return new ModelDescriptor(m.id(), name.trim(), task, m.format(), m.model(), labels, description, tags,
                m.io(), m.decoder(), m.sha256());
    }
}
