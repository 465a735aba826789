package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

class PackageImporterTest {
    @TempDir
    static Path tmp;
    static ExportResult exported;
    static ModelLibrary models;
    static Skill expected;

    @BeforeAll
    static void export() throws IOException {
        models = Fixtures.models(tmp);
        exported = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(Fixtures.secretSkill(), models,
                tmp.resolve("pkg"), tmp.resolve("pkg.zip"));
        expected = new SecretPlaceholders(Fixtures.catalog()).redact(Fixtures.secretSkill()).skill();
    }

    private static PackageImporter importer() {
        return new PackageImporter(Fixtures.catalog());
    }

    @Test
    void zipRoundTripGivesTheSkillBackWithSecretsAsPlaceholders(@TempDir Path ws) throws IOException {
        ImportResult r = importer().importPackage(exported.zip(), ModelLibrary.empty(), ws.resolve("models"));
        assertEquals(expected, r.skill());
        assertEquals(Fixtures.secretSkill().nodes().stream().map(n -> n.id()).toList(),
                r.skill().nodes().stream().map(n -> n.id()).toList());
        assertEquals(exported.secrets().stream().map(SecretRef::envVar).sorted().toList(),
                r.placeholders().stream().sorted().toList());
        assertEquals(2, r.addedModels().size());
        for (ModelDescriptor m : r.addedModels()) {
            ModelDescriptor original = models.find(m.id()).orElseThrow();
            assertTrue(Path.of(m.model().path()).startsWith(ws.resolve("models")), m.model().path());
            assertArrayEquals(Files.readAllBytes(Path.of(original.model().path())),
                    Files.readAllBytes(Path.of(m.model().path())));
            assertArrayEquals(Files.readAllBytes(Path.of(original.labels().path())),
                    Files.readAllBytes(Path.of(m.labels().path())));
            assertEquals(original.task(), m.task());
            assertEquals(original.name(), m.name());
        }
    }

    @Test
    void importIntoAWorkspaceSavesSkillAndModelsThatLoadBack(@TempDir Path root) throws IOException {
        Workspace ws = Workspace.open(root, Fixtures.catalog());
        ImportResult r = importer().importInto(exported.zip(), ws);
        assertEquals(expected, ws.loadSkill(expected.id()));
        assertEquals(List.of("squeezenet", "ultraface-320"),
                ws.listModels().items().stream().map(ModelDescriptor::id).sorted().toList());
        assertEquals(r.addedModels().size(), 2);
        // importing the same package again: models are found by checksum, the skill is a copy beside the first
        byte[] first = Files.readAllBytes(ws.skillFile(expected.id()));
        ImportResult again = importer().importInto(exported.zip(), ws);
        assertEquals(expected.id() + "-imported", again.skill().id());
        assertArrayEquals(first, Files.readAllBytes(ws.skillFile(expected.id())), "the existing skill is untouched");
        assertEquals(List.of(), again.addedModels());
        assertEquals(Map.of("ultraface-320", "ultraface-320", "squeezenet", "squeezenet"), again.reusedModels());
        assertFalse(again.skill().id().equals(expected.id()));
        assertEquals(expected.withId(again.skill().id()).withName(expected.name() + " (imported)"),
                ws.loadSkill(again.skill().id()));
    }

    @Test
    void folderRoundTripWorksToo(@TempDir Path ws) throws IOException {
        ImportResult r = importer().importPackage(exported.folder(), ModelLibrary.empty(), ws);
        assertEquals(expected, r.skill());
    }

    @Test
    void modelsAlreadyInTheWorkspaceAreReusedByChecksumNotCopied(@TempDir Path ws) throws IOException {
        ModelDescriptor known = models.find("ultraface-320").orElseThrow();
        // same file registered under another id, without a stored checksum: computed from the file
        ModelLibrary workspace = ModelLibrary.of(List.of(new ModelDescriptor("faces-v1", "Faces", ModelTask.DETECTION,
                null, known.model(), known.labels(), "", List.of(), null, null, "")));
        ImportResult r = importer().importPackage(exported.zip(), workspace, ws);
        assertEquals(Map.of("ultraface-320", "faces-v1"), r.reusedModels());
        assertEquals(List.of("squeezenet"), r.addedModels().stream().map(ModelDescriptor::id).toList());
        assertEquals("faces-v1", r.skill().node("face").orElseThrow().setting(ModelNode.MODEL));
        assertFalse(Files.exists(ws.resolve("ultraface-320")));
    }

    @Test
    void aWorkspaceModelStoredWithARelativePathIsFoundByChecksumWhateverTheWorkingDirectory(@TempDir Path root)
            throws IOException {
        ModelDescriptor known = models.find("ultraface-320").orElseThrow();
        Path copy = Files.createDirectories(root.resolve("models/mine")).resolve("faces.onnx");
        Files.copy(Path.of(known.model().path()), copy);
        Workspace ws = Workspace.open(root, Fixtures.catalog());
        // as the app stores it: relative to the workspace, no checksum yet (the test's working directory is not root)
        ws.saveModel(new ModelDescriptor("faces-v1", "Faces", ModelTask.DETECTION, null,
                FileLocation.local("models/mine/faces.onnx"), null, "", List.of(), null, null, ""));
        ImportResult r = importer().importInto(exported.zip(), ws);
        assertEquals(Map.of("ultraface-320", "faces-v1"), r.reusedModels());
        assertEquals(List.of("faces-v1", "squeezenet"),
                ws.listModels().items().stream().map(ModelDescriptor::id).sorted().toList());
    }

    @Test
    void aDifferentModelWithTheSameIdIsImportedUnderANewId(@TempDir Path ws) throws IOException {
        Path other = Files.writeString(ws.resolve("other.onnx"), "not the same bytes");
        ModelLibrary workspace = ModelLibrary.of(List.of(new ModelDescriptor("squeezenet", "mine",
                ModelTask.CLASSIFICATION, null, FileLocation.local(other.toString()), null, "", List.of(), null, null,
                "")));
        ImportResult r = importer().importPackage(exported.zip(), workspace, ws.resolve("models"));
        assertTrue(r.addedModels().stream().anyMatch(m -> m.id().equals("squeezenet-2")), r.addedModels().toString());
        assertEquals("squeezenet-2", r.skill().node("what").orElseThrow().setting(ModelNode.MODEL));
    }

    @Test
    void aTamperedFileIsNamed(@TempDir Path ws) throws IOException {
        Path copy = copyOf(exported.folder(), ws.resolve("tampered"));
        Path k8s = copy.resolve("k8s/amd64/runtime-deployment.yaml");
        Files.writeString(k8s, Files.readString(k8s).replace("replicas: 1", "replicas: 9"));
        PackageException e = assertThrows(PackageException.class,
                () -> importer().importPackage(copy, ModelLibrary.empty(), ws.resolve("models")));
        assertTrue(e.getMessage().contains("'k8s/amd64/runtime-deployment.yaml' was modified"), e.getMessage());
        assertFalse(Files.exists(ws.resolve("models")), "nothing imported");
    }

    @Test
    void aTamperedModelInsideTheZipIsNamed(@TempDir Path ws) throws IOException {
        Path zip = ws.resolve("bad.zip");
        rezip(exported.folder(), zip, Map.of("models/squeezenet.onnx", "garbage".getBytes(StandardCharsets.UTF_8)));
        PackageException e = assertThrows(PackageException.class,
                () -> importer().importPackage(zip, ModelLibrary.empty(), ws.resolve("models")));
        assertTrue(e.getMessage().contains("'models/squeezenet.onnx' was modified"), e.getMessage());
    }

    @Test
    void missingAndUnlistedFilesAreNamed(@TempDir Path ws) throws IOException {
        Path copy = copyOf(exported.folder(), ws.resolve("missing"));
        Files.delete(copy.resolve("kan/skill.yaml"));
        PackageException e = assertThrows(PackageException.class,
                () -> importer().importPackage(copy, ModelLibrary.empty(), ws.resolve("m")));
        assertTrue(e.getMessage().contains("'kan/skill.yaml'") && e.getMessage().contains("missing"), e.getMessage());

        Path extra = copyOf(exported.folder(), ws.resolve("extra"));
        Files.writeString(extra.resolve("models/evil.onnx"), "x");
        e = assertThrows(PackageException.class,
                () -> importer().importPackage(extra, ModelLibrary.empty(), ws.resolve("m")));
        assertTrue(e.getMessage().contains("'models/evil.onnx' is not listed"), e.getMessage());
    }

    @Test
    void zipSlipEntriesAreRefusedBeforeAnythingIsWrittenOutside(@TempDir Path ws) throws IOException {
        for (String evil : List.of("../evil.txt", "models/../../evil.txt", "/tmp/evil-abs.txt", "C:/evil.txt",
                "..\\evil.txt")) {
            Path zip = ws.resolve("slip.zip");
            Files.deleteIfExists(zip);
            // the evil entry first, then a real file: refused before anything is written
            try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(os)) {
                zos.putNextEntry(new ZipEntry(evil));
                zos.write("pwned".getBytes(StandardCharsets.UTF_8));
                zos.closeEntry();
                zos.putNextEntry(new ZipEntry("skill.json"));
                zos.write(Files.readAllBytes(exported.folder().resolve("skill.json")));
                zos.closeEntry();
            }
            PackageException e = assertThrows(PackageException.class,
                    () -> importer().importPackage(zip, ModelLibrary.empty(), ws.resolve("models")), evil);
            assertTrue(e.getMessage().contains("refused") && e.getMessage().contains(evil), e.getMessage());
        }
        assertFalse(Files.exists(ws.resolve("evil.txt")));
        assertFalse(Files.exists(Path.of("/tmp/evil-abs.txt")));
        assertFalse(Files.exists(Path.of(System.getProperty("java.io.tmpdir"), "evil.txt")));
    }

    @Test
    void checksumFileWithATraversingPathIsRefused(@TempDir Path ws) throws IOException {
        Path copy = copyOf(exported.folder(), ws.resolve("trav"));
        Files.writeString(copy.resolve(Checksums.FILE_NAME), Files.readString(copy.resolve(Checksums.FILE_NAME))
                + "0000000000000000000000000000000000000000000000000000000000000000  ../../etc/passwd\n");
        PackageException e = assertThrows(PackageException.class,
                () -> importer().importPackage(copy, ModelLibrary.empty(), ws.resolve("m")));
        assertTrue(e.getMessage().contains("../../etc/passwd") && e.getMessage().contains("refused"), e.getMessage());
    }

    private static Path copyOf(Path from, Path to) throws IOException {
        for (String rel : Checksums.filesUnder(from)) {
            Files.createDirectories(to.resolve(rel).getParent());
            Files.copy(from.resolve(rel), to.resolve(rel));
        }
        Files.copy(from.resolve(Checksums.FILE_NAME), to.resolve(Checksums.FILE_NAME));
        return to;
    }

    /** Zips the package with some entries replaced or added (added ones first, as an attacker would). */
    private static void rezip(Path folder, Path zip, Map<String, byte[]> override) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(os)) {
            List<String> files = new java.util.ArrayList<>(Checksums.filesUnder(folder));
            files.add(Checksums.FILE_NAME);
            for (Map.Entry<String, byte[]> e : override.entrySet()) {
                if (!files.contains(e.getKey())) {
                    zos.putNextEntry(new ZipEntry(e.getKey()));
                    zos.write(e.getValue());
                    zos.closeEntry();
                }
            }
            for (String rel : files) {
                zos.putNextEntry(new ZipEntry(rel));
                zos.write(override.containsKey(rel) ? override.get(rel) : Files.readAllBytes(folder.resolve(rel)));
                zos.closeEntry();
            }
        }
    }
}
