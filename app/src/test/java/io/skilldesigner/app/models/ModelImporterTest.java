package io.skilldesigner.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;

/** The Add-model wizard's import: what it says about real and generated models, and what it refuses. */
class ModelImporterTest {
    private static final Path GENERATED = Path.of("../preview-engine/src/test/resources/models");
    private static final Path SHARED = Path.of(System.getProperty("sd.shared.dir", "../../shared")).toAbsolutePath();

    @TempDir
    Path tmp;

    private ModelImporter.Result add(Workspace ws, ModelSessions sessions, String id, Path model, ModelTask task)
            throws Exception {
        return new ModelImporter(ws, sessions).importModel(new ModelImporter.Request(id, id, task, model, null, "",
                List.of(), null));
    }

    private static Path shared() {
        return Files.isDirectory(SHARED) ? SHARED : Path.of("../shared").toAbsolutePath();
    }

    @Test
    void rawUltraFaceIsRecognisedAndNamesComeFromTheModel() throws Exception {
        Workspace ws = Workspace.open(tmp.resolve("ws"), NodeCatalog.standard());
        try (ModelSessions sessions = new ModelSessions()) {
            ModelImporter.Result raw = add(ws, sessions, "raw", shared().resolve(
                    "models/ultraface-raw/version-slim-320_without_postprocessing.onnx"), null);
            assertEquals(OutputLayout.ULTRAFACE_RAW, raw.model().io().detectedLayout(),
                    raw.model().io().layoutEvidence());
            ModelImporter.Result named = add(ws, sessions, "named", GENERATED.resolve("yolov8_names_test.onnx"), null);
            assertEquals("2 from model metadata 'names'", named.namesSource());
            assertFalse(named.warnings().stream().anyMatch(w -> w.contains("class N")), named.warnings().toString());
            ModelImporter.Result ambiguous = add(ws, sessions, "amb",
                    GENERATED.resolve("yolov8_transposed_nonames_test.onnx"), null);
            assertTrue(ambiguous.warnings().stream().anyMatch(w -> w.startsWith("Layout is ambiguous")),
                    ambiguous.warnings().toString());
        }
    }

    @Test
    void unsupportedModelsAndWrongTasksAreRefusedWithTheReason() throws Exception {
        Workspace ws = Workspace.open(tmp.resolve("ws"), NodeCatalog.standard());
        try (ModelSessions sessions = new ModelSessions()) {
            IllegalArgumentException unsupported = assertThrows(IllegalArgumentException.class, () -> add(ws, sessions,
                    "bad", GENERATED.resolve("unknown_layout_test.onnx"), null));
            assertTrue(unsupported.getMessage().startsWith("not supported: ")
                    && unsupported.getMessage().contains("; supported layouts: "), unsupported.getMessage());
            IllegalArgumentException task = assertThrows(IllegalArgumentException.class, () -> add(ws, sessions,
                    "wrong", GENERATED.resolve("yolov8_names_test.onnx"), ModelTask.CLASSIFICATION));
            assertTrue(task.getMessage().contains("You chose CLASSIFICATION") && task.getMessage().contains("YOLOV8"),
                    task.getMessage());
            assertTrue(ws.modelLibrary().find("bad").isEmpty() && ws.modelLibrary().find("wrong").isEmpty());
            assertFalse(Files.exists(ws.root().resolve(Workspace.MODELS_DIR).resolve("bad")), "nothing left behind");
        }
    }
}
