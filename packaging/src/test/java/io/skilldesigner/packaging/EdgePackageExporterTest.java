package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;

class EdgePackageExporterTest {
    @TempDir
    static Path tmp;
    static ExportResult result;
    static ModelLibrary models;

    @BeforeAll
    static void export() throws IOException {
        models = Fixtures.models(tmp);
        result = new EdgePackageExporter(Fixtures.catalog(), "1.2.3")
                .export(Fixtures.secretSkill(), models, tmp.resolve("pkg"), tmp.resolve("pkg.zip"));
    }

    @Test
    void packageHasEveryPart() {
        List<String> files = result.files();
        for (String expected : List.of("skill.json", "kan/skill.yaml", "README.md", "checksums.sha256",
                "models/ultraface-320.onnx", "models/ultraface-320.model.json", "labels/ultraface-320.txt",
                "models/squeezenet.onnx", "models/squeezenet.model.json", "labels/squeezenet.txt",
                "iotedge/deployment.template.json", "iotedge/deployment.amd64.json", "iotedge/deployment.arm64v8.json",
                "k8s/base/kustomization.yaml", "k8s/base/skill-configmap.yaml", "k8s/base/models-pvc.yaml",
                "k8s/base/grpc-colour-classifier.yaml", "k8s/amd64/kustomization.yaml",
                "k8s/amd64/runtime-deployment.yaml", "k8s/arm64v8/kustomization.yaml",
                "k8s/arm64v8/runtime-deployment.yaml",
                "runtime/README.md")) {
            assertTrue(files.contains(expected), expected + " missing from " + files);
            assertTrue(Files.isRegularFile(result.folder().resolve(expected)), expected);
        }
        // exported without a runtime distribution: no jars, and no Dockerfile that could not build
        assertTrue(files.stream().noneMatch(f -> f.startsWith("runtime/") && !f.equals("runtime/README.md")), files
                .toString());
    }

    @Test
    void modelFilesAreCopiedUnchangedAndDescriptorsPointInsideThePackage() throws IOException {
        ModelJson json = new ModelJson();
        for (ModelDescriptor original : models.all()) {
            Path descriptor = result.folder().resolve("models/" + original.id() + ".model.json");
            ModelDescriptor packaged = json.read(Files.readString(descriptor), descriptor.toString());
            assertEquals("models/" + original.id() + ".onnx", packaged.model().path());
            assertEquals("labels/" + original.id() + ".txt", packaged.labels().path());
            assertArrayEquals(Files.readAllBytes(Path.of(original.model().path())),
                    Files.readAllBytes(result.folder().resolve(packaged.model().path())));
            assertEquals(Checksums.sha256(Path.of(original.model().path())), packaged.sha256());
            assertEquals(original.task(), packaged.task());
        }
    }

    @Test
    void checksumFileIsAcceptedBySha256sum() throws Exception {
        Process p = new ProcessBuilder("sha256sum", "--strict", "-c", Checksums.FILE_NAME)
                .directory(result.folder().toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        long ok = out.lines().filter(l -> l.endsWith(": OK")).count();
        assertEquals(result.files().size() - 1, ok, out);
    }

    @Test
    void zipHoldsExactlyTheFolderFiles() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(result.zip()); ZipInputStream zis = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zis.getNextEntry()) != null) {
                entries.put(e.getName(), zis.readAllBytes());
            }
        }
        assertEquals(List.copyOf(result.files()).stream().sorted().toList(), entries.keySet().stream().sorted().toList());
        for (Map.Entry<String, byte[]> e : entries.entrySet()) {
            assertArrayEquals(Files.readAllBytes(result.folder().resolve(e.getKey())), e.getValue(), e.getKey());
        }
    }

    @Test
    void kanDocumentIsTheKanWritersOutput() throws IOException {
        Map<String, Object> doc = new Yaml().load(Files.readString(result.folder().resolve("kan/skill.yaml")));
        assertEquals("ai.symphony/v1", doc.get("apiVersion"));
        assertEquals("Skill", doc.get("kind"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> nodes = (List<Map<String, Object>>) ((Map<String, Object>) doc.get("spec")).get("nodes");
        assertTrue(nodes.stream().anyMatch(n -> "ultraface-320".equals(n.get("name"))), nodes.toString());
    }

    @Test
    void readmeListsEverySecretVariableAndTheImages() throws IOException {
        String readme = Files.readString(result.folder().resolve("README.md"));
        assertFalse(result.secrets().isEmpty());
        for (SecretRef s : result.secrets()) {
            assertTrue(readme.contains("`" + s.envVar() + "`"), s.envVar() + " not in README");
        }
        assertTrue(readme.contains("${CONTAINER_REGISTRY}/skill-designer-runtime:1.2.3-cpu-amd64"), readme);
        assertTrue(readme.contains("${CONTAINER_REGISTRY}/skill-designer-runtime:1.2.3-cpu-arm64v8"), readme);
    }

    @Test
    void invalidSkillIsRefusedWithEveryError() {
        Skill broken = Fixtures.secretSkill()
                .updateNode("face", n -> n.withSetting(ModelNode.MODEL, "no-such-model"))
                .updateNode("mqtt", n -> n.withSetting("qos", 7L));
        PackageException e = assertThrows(PackageException.class, () -> new EdgePackageExporter(Fixtures.catalog(),
                "1").export(broken, models, tmp.resolve("broken"), null));
        assertTrue(e.getMessage().contains("[face.modelId]"), e.getMessage());
        assertTrue(e.getMessage().contains("[mqtt.qos]"), e.getMessage());
        assertFalse(Files.exists(tmp.resolve("broken")));
    }

    @Test
    void nonEmptyTargetFolderIsRefused() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(target.resolve("keep.txt"), "mine");
        PackageException e = assertThrows(PackageException.class, () -> new EdgePackageExporter(Fixtures.catalog(),
                "1").export(Fixtures.secretSkill(), models, target, null));
        assertTrue(e.getMessage().contains("not empty"), e.getMessage());
        assertEquals("mine", Files.readString(target.resolve("keep.txt")));
    }

    @Test
    void aModelTheDeviceWouldNotStartIsRefusedWithTheEnginesReasonAndNothingIsWritten() throws IOException {
        // the real UltraFace with a label file of 80 names: it has 2 classes (background, face), so the device's
        // engine refuses to start the node; export says so, for that node, instead of shipping it
        Path wrongLabels = Files.writeString(tmp.resolve("eighty.txt"), String.join("\n",
                java.util.stream.IntStream.range(0, 80).mapToObj(i -> "class" + i).toList()) + "\n");
        ModelDescriptor face = models.find("ultraface-320").orElseThrow();
        ModelLibrary wrong = ModelLibrary.of(List.of(
                face.withLabels(FileLocation.local(wrongLabels.toString())),
                models.find("squeezenet").orElseThrow()));
        Path target = tmp.resolve("would-not-start");
        PackageException e = assertThrows(PackageException.class, () -> new EdgePackageExporter(Fixtures.catalog(),
                "1").export(Fixtures.secretSkill(), wrong, target, tmp.resolve("would-not-start.zip")));
        assertTrue(e.getMessage().contains("the device would not start the skill"), e.getMessage());
        assertTrue(e.getMessage().contains("node 'face'"), e.getMessage());
        assertTrue(e.getMessage().contains("has 2 classes (background first) but the label file has 80 labels"),
                e.getMessage());
        assertFalse(e.getMessage().contains("node 'what'"), "the classifier starts: " + e.getMessage());
        assertFalse(Files.exists(target));
        assertFalse(Files.exists(tmp.resolve("would-not-start.zip")));
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(f -> f.getFileName().toString().contains("would-not-start.writing"))
                    .toList(), "half-written package left");
        }
    }
}
