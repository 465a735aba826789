package io.skilldesigner.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;

class WorkspacePathsTest {
    @TempDir
    Path root;

    @Test
    void relativePathsResolveAgainstTheWorkspaceAndAbsoluteOnesStay() {
        assertEquals(root.resolve("models/a/a.onnx"), WorkspacePaths.resolve(root, "models/a/a.onnx"));
        Path abs = root.resolve("elsewhere.onnx").toAbsolutePath();
        assertEquals(abs, WorkspacePaths.resolve(root, abs.toString()));
        assertEquals(Path.of("models/a.onnx"), WorkspacePaths.resolve(null, "models/a.onnx"));
    }

    @Test
    void descriptorsGetAbsoluteNormalisedFilesAndBlobsWithoutCopyStayEmpty() {
        ModelDescriptor m = model("det", FileLocation.local("models/det/../det/det.onnx"))
                .withLabels(FileLocation.local("models/det/labels.txt"));
        ModelDescriptor abs = WorkspacePaths.absolute(m, root);
        assertEquals(root.resolve("models/det/det.onnx").toString(), abs.model().path());
        assertEquals(root.resolve("models/det/labels.txt").toString(), abs.labels().path());

        FileLocation notDownloaded = FileLocation.local("");
        assertEquals(notDownloaded, WorkspacePaths.absolute(notDownloaded, root));
    }

    @Test
    void discoversModelDescriptorsAFewLevelsDownAndNoDeeper() throws IOException {
        ModelJson json = new ModelJson();
        write(root.resolve("models/det.model.json"), json.write(model("det", FileLocation.local("models/det.onnx"))));
        write(root.resolve("pkg/models/cls.model.json"), json.write(model("cls", FileLocation.local("c.onnx"))));
        write(root.resolve("a/b/c/d/deep.model.json"), json.write(model("deep", FileLocation.local("d.onnx"))));
        write(root.resolve("models/notes.json"), "{}");

        ModelLibrary found = ModelFiles.discover(root);

        assertEquals(Set.of("det", "cls"), found.all().stream().map(ModelDescriptor::id).collect(Collectors.toSet()));
        assertTrue(found.find("deep").isEmpty(), "five levels down is past the search depth");
        assertTrue(ModelFiles.discover(root.resolve("missing")).all().isEmpty());
    }

    private static ModelDescriptor model(String id, FileLocation file) {
        return new ModelDescriptor(id, id, ModelTask.DETECTION, null, file, null, null, null, null, null, null);
    }

    private static void write(Path p, String text) throws IOException {
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
