package io.skilldesigner.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.skill.Tag;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ClassCount;
import io.skilldesigner.engine.model.DecoderDefaults;
import io.skilldesigner.engine.model.LayoutDetector;
import io.skilldesigner.engine.model.ModelNames;
import io.skilldesigner.engine.model.ModelInspector;
import io.skilldesigner.engine.model.ModelSession;
import io.skilldesigner.engine.model.ModelSessions;

/**
 * Adds a model to the workspace: copies the model and label files under {@code models/<id>/} (an Azure Custom
 * Vision export zip gives both at once), opens the model at once to read its inputs/outputs and recognise its
 * layout (probing the candidates on images), proposes decoder settings, says where the class names come from
 * (label file, else the model's metadata) and checks their count. A model that cannot be opened, whose outputs
 * no layout decodes ("not supported: why; supported layouts: ...") or whose outputs contradict the chosen task
 * is not added.
 */
public final class ModelImporter {
    private final Workspace workspace;
    private final ModelSessions sessions;

    public ModelImporter(Workspace workspace, ModelSessions sessions) {
        this.workspace = workspace;
        this.sessions = sessions;
    }

    /** The basics the user entered in the wizard. */
    public record Request(String id, String name, ModelTask task, Path modelFile, Path labelsFile,
                          String description, List<Tag> tags, FileLocation origin) {
    }

    /**
     * The saved descriptor, what the user should know (label count mismatch, ambiguous or unsure layout, no class
     * names) and where the class names came from.
     */
    public record Result(ModelDescriptor model, List<String> warnings, String namesSource) {
    }

    public Result importModel(Request r) throws IOException {
        if (r.id() == null || !r.id().matches("[A-Za-z0-9][A-Za-z0-9_.-]{0,99}")) {
            throw new IllegalArgumentException("Model id '" + r.id() + "' must be letters, digits, '.', '_' or '-'");
        }
        if (workspace.modelLibrary().find(r.id()).isPresent()) {
            throw new IllegalArgumentException("A model with id '" + r.id() + "' already exists");
        }
        if (r.modelFile() == null || !Files.isRegularFile(r.modelFile())) {
            throw new IOException("Model file " + r.modelFile() + " does not exist");
        }
        Path dir = workspace.root().resolve(Workspace.MODELS_DIR).resolve(r.id());
        Files.createDirectories(dir);
        Path model;
        Path labels;
        if (r.modelFile().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Path[] both = unzipCustomVision(r.modelFile(), dir);
            model = both[0];
            labels = r.labelsFile() != null ? copy(r.labelsFile(), dir) : both[1];
        } else {
            model = copy(r.modelFile(), dir);
            labels = r.labelsFile() == null ? null : copy(r.labelsFile(), dir);
        }
        try {
            return inspectAndSave(r, model, labels);
        } catch (RuntimeException | IOException e) {
            deleteQuietly(dir, e);
            throw e;
        }
    }

    private Result inspectAndSave(Request r, Path model, Path labels) throws IOException {
        List<String> warnings = new ArrayList<>();
        ModelSession session = sessions.open(r.name(), model, false);
        ModelIo io = ModelInspector.inspect(r.name(), session);
        Map<String, String> metadata = ModelInspector.metadata(r.name(), session);
        OutputLayout layout = io.detectedLayout();
        if (layout == null) {
            throw new IllegalArgumentException("not supported: " + io.layoutEvidence() + "; supported layouts: "
                    + LayoutDetector.SUPPORTED);
        }
        ModelTask expected = layout == OutputLayout.CLASSIFICATION ? ModelTask.CLASSIFICATION : ModelTask.DETECTION;
        if (r.task() != null && r.task() != expected) {
            throw new IllegalArgumentException("You chose " + r.task() + " but the model's outputs are " + layout
                    + ", a " + expected + " model: " + io.layoutEvidence());
        }
        DecoderSettings decoder = DecoderDefaults.propose(io, layout, metadata);
        if (io.layoutEvidence().startsWith("ambiguous")) {
            warnings.add("Layout is ambiguous, " + layout + " proposed: " + io.layoutEvidence());
        } else if (io.layoutConfidence() < 0.6) {
            warnings.add(String.format(Locale.ROOT, "Layout %s recognised with low confidence (%.0f%%): %s",
                    layout, io.layoutConfidence() * 100, io.layoutEvidence()));
        }
        ModelNames names = ModelNames.of(labels, metadata);
        if (labels != null) {
            ClassCount.mismatch(io, layout, decoder, names.names()).ifPresent(m -> warnings.add("Labels: " + m));
        }
        if (names.isEmpty()) {
            warnings.add("No class names (no label file, none in the model): results will read 'class N'");
        }
        String namesSource = names.isEmpty() ? names.source() : names.names().size() + " from " + names.source();
        String relModel = workspace.root().relativize(model).toString().replace('\\', '/');
        FileLocation modelLoc = r.origin() != null ? r.origin().withPath(relModel) : FileLocation.local(relModel);
        FileLocation labelsLoc = labels == null ? null
                : FileLocation.local(workspace.root().relativize(labels).toString().replace('\\', '/'));
        ModelDescriptor d = new ModelDescriptor(r.id(), r.name(), r.task() == null ? expected : r.task(),
                ModelDescriptor.FORMAT_ONNX, modelLoc, labelsLoc, r.description(), r.tags(), io, decoder,
                ModelSessions.sha256(model));
        workspace.saveModel(d);
        return new Result(d, warnings, namesSource);
    }

    private static Path copy(Path from, Path dir) throws IOException {
        Path to = dir.resolve(from.getFileName().toString());
        if (!from.toAbsolutePath().normalize().equals(to.toAbsolutePath().normalize())) {
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    /** Takes model.onnx and labels.txt from a Custom Vision export, by name only (no paths from the zip are used). */
    private static Path[] unzipCustomVision(Path zip, Path dir) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry onnx = z.stream().filter(e -> !e.isDirectory()
                    && e.getName().toLowerCase(Locale.ROOT).endsWith(".onnx")).findFirst()
                    .orElseThrow(() -> new IOException(zip + " holds no .onnx file"));
            ZipEntry labels = z.stream().filter(e -> !e.isDirectory()
                    && Path.of(e.getName()).getFileName().toString().equalsIgnoreCase("labels.txt")).findFirst()
                    .orElse(null);
            Path model = dir.resolve("model.onnx");
            try (InputStream in = z.getInputStream(onnx)) {
                Files.copy(in, model, StandardCopyOption.REPLACE_EXISTING);
            }
            Path lab = null;
            if (labels != null) {
                lab = dir.resolve("labels.txt");
                try (InputStream in = z.getInputStream(labels)) {
                    Files.copy(in, lab, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return new Path[]{model, lab};
        }
    }

    private static void deleteQuietly(Path dir, Exception cause) {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            cause.addSuppressed(e); // the original failure is what the user needs; this one rides along
        }
    }
}
