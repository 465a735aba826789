package io.skilldesigner.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Tag;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.LabelFile;

/** Edit changes a model's task and labels in place (no delete and re-add). */
class ModelEditTest {
    @TempDir
    Path dir;

    @Test
    void editChangesTaskAndLabelsAndKeepsTheRest() throws Exception {
        Workspace ws = DemoWorkspace.openOrCreate(dir.resolve("ws"), NodeCatalog.standard());
        ModelDescriptor before = ws.modelLibrary().find(DemoWorkspace.DETECTOR_ID).orElseThrow();
        Path labels = Files.writeString(dir.resolve("mine.txt"), "ball\nbox\n");
        ModelDescriptor after = new ModelEdit("Renamed", ModelTask.CLASSIFICATION, "d", List.of(new Tag("k", "v")),
                labels).applyTo(before, ws.root());
        ws.saveModel(after);

        ModelDescriptor saved = ws.modelLibrary().find(DemoWorkspace.DETECTOR_ID).orElseThrow();
        assertEquals(ModelTask.CLASSIFICATION, saved.task());
        assertEquals("Renamed", saved.name());
        assertEquals(List.of("ball", "box"), LabelFile.read(ws.root().resolve(saved.labels().path())));
        assertTrue(ws.root().resolve(saved.labels().path()).normalize().startsWith(ws.root().normalize()),
                "the labels are copied into the workspace: " + saved.labels().path());
        assertEquals(before.model(), saved.model());
        assertEquals(before.io(), saved.io());
        assertEquals(before.decoder(), saved.decoder());
    }

    @Test
    void anEmptyLabelsFileChangesNothing() throws Exception {
        Workspace ws = DemoWorkspace.openOrCreate(dir.resolve("ws"), NodeCatalog.standard());
        ModelDescriptor before = ws.modelLibrary().find(DemoWorkspace.CLASSIFIER_ID).orElseThrow();
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        IOException e = assertThrows(IOException.class, () -> new ModelEdit("x", ModelTask.DETECTION, "",
                List.of(), empty).applyTo(before, ws.root()));
        assertTrue(e.getMessage().contains("empty.txt"), e.getMessage());
        assertEquals(before, ws.modelLibrary().find(DemoWorkspace.CLASSIFIER_ID).orElseThrow());
    }
}
