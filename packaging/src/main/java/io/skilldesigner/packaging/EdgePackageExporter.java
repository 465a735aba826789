package io.skilldesigner.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.kan.KanExport;
import io.skilldesigner.core.kan.KanOmission;
import io.skilldesigner.core.kan.KanSkillWriter;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;

/**
 * Writes an edge deployment package for a valid skill: a folder (written aside, then moved into place) and
 * optionally a zip of it. See {@link PackageLayout} and the package's README.md for the contents. Secrets are
 * replaced by placeholders before anything is written, and every file is checked for the secret values before
 * the package is published.
 */
public final class EdgePackageExporter {
    /** Secret values shorter than this are not searched for in the output (they would match ordinary text). */
    static final int MIN_SCANNED_SECRET = 6;

    private final NodeCatalog catalog;
    private final String runtimeVersion;
    private final ManifestValidator manifestValidator;

    /**
     * @param runtimeVersion version tag of the runtime images the manifests name (usually the app version)
     */
    public EdgePackageExporter(NodeCatalog catalog, String runtimeVersion) {
        this.catalog = catalog;
        this.runtimeVersion = runtimeVersion;
        this.manifestValidator = new ManifestValidator();
    }

    public EdgePackageExporter(NodeCatalog catalog) {
        this(catalog, BuildInfo.version());
    }

    /**
     * @param folder package folder to create; must not exist or be empty
     * @param zip    zip file to write as well, or null
     * @throws PackageException when the skill is not valid (every error listed), a model file is missing, a model
     *                          would not start on the device (its label count, layout or task; every one listed),
     *                          or a manifest fails its schema
     */
    public ExportResult export(Skill skill, ModelLibrary models, Path folder, Path zip) throws IOException {
        return export(skill, models, folder, zip, EnumSet.allOf(Architecture.class), null);
    }

    /**
     * As above, with deployment manifests only for the given device architectures (at least one); video files of
     * file camera inputs are packaged ({@code media/}), relative paths resolved against {@code workspace}.
     */
    public ExportResult export(Skill skill, ModelLibrary models, Path folder, Path zip,
                               Set<Architecture> architectures, Path workspace) throws IOException {
        return export(skill, models, folder, zip, architectures, workspace, null);
    }

    /**
     * As above, with the runtime distribution for the target architectures ({@code runtime/lib/}) and the
     * Dockerfiles that build the images from it; {@code runtime} null leaves both out (the operator has the
     * images already).
     */
    public ExportResult export(Skill skill, ModelLibrary models, Path folder, Path zip,
                               Set<Architecture> architectures, Path workspace, RuntimeDistribution runtime)
            throws IOException {
        if (architectures.isEmpty()) {
            throw new IllegalArgumentException("no target architecture");
        }
        List<Problem> errors = new SkillValidator(catalog, models).validate(skill).stream()
                .filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            StringBuilder sb = new StringBuilder("skill '" + skill.name() + "' is not valid; fix before exporting:");
            errors.forEach(p -> sb.append("\n  ").append(p));
            throw new PackageException(sb.toString());
        }
        if (Files.exists(folder) && !isEmptyDir(folder)) {
            throw new PackageException("package folder " + folder + " already exists and is not empty");
        }
        Path parent = folder.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + folder.getFileName() + ".writing-");
        try {
            List<String> warnings = new ArrayList<>();
            SecretPlaceholders.Redaction redaction = new SecretPlaceholders(catalog).redact(skill);
            SourceFiles.Result sources = new SourceFiles(catalog).include(redaction.skill(), workspace, work);
            Skill clean = sources.skill();
            sources.files().forEach((rel, bytes) -> warnings.add("video file " + rel + " included ("
                    + SourceFiles.size(bytes) + "): the camera input reads it on the device"));
            List<String> modelFiles = new ArrayList<>();
            ModelLibrary packaged = copyModels(clean, models, work, modelFiles);
            long modelBytes = sizeOf(work.resolve(PackageLayout.MODELS)) + sizeOf(work.resolve(PackageLayout.LABELS))
                    + sizeOf(work.resolve(SourceFiles.MEDIA));

            String skillJson = new SkillJson(catalog).write(clean);
            write(work, PackageLayout.SKILL, skillJson);

            KanExport kan = new KanSkillWriter(catalog, packaged).write(clean);
            write(work, PackageLayout.KAN_SKILL, kan.toYaml());
            kan.omissions().stream().map(KanOmission::toString).map(s -> "KAN: " + s).forEach(warnings::add);

            DeploymentPlan plan = new DeploymentPlanner(catalog).plan(clean, redaction.secrets(), runtimeVersion);
            IotEdgeManifests edge = new IotEdgeManifests(plan, skillJson);
            writeManifest(work, PackageLayout.IOTEDGE_TEMPLATE, edge.template(), ManifestValidator.Kind.TEMPLATE);
            for (Architecture arch : EnumSet.copyOf(architectures)) {
                writeManifest(work, PackageLayout.deployment(arch), edge.deployment(arch),
                        ManifestValidator.Kind.DEPLOYMENT);
            }
            warnings.addAll(edge.warnings());
            for (ContainerNode c : plan.containers()) {
                if (!architectures.contains(c.architecture())) {
                    warnings.add("container node '" + c.nodeId() + "' runs on " + c.architecture().id()
                            + ", none of the target architectures " + architectures.stream().map(Architecture::id)
                            .toList() + ": no manifest of this package deploys it");
                }
            }

            KubernetesManifests k8s = new KubernetesManifests(plan, skillJson, modelBytes,
                    EnumSet.copyOf(architectures), !sources.files().isEmpty());
            for (Map.Entry<String, String> e : k8s.files().entrySet()) {
                write(work, KubernetesManifests.DIR + "/" + e.getKey(), e.getValue());
            }
            warnings.addAll(k8s.warnings());

            write(work, PackageLayout.RUNTIME + "/README.md", runtimeResource("README.md"));
            if (runtime != null) {
                runtime.writeInto(work, EnumSet.copyOf(architectures));
                for (String f : RuntimeDistribution.dockerfiles(EnumSet.copyOf(architectures))) {
                    write(work, PackageLayout.RUNTIME + "/" + f, runtimeResource(f)
                            .replace("@ORT_VERSION@", BuildInfo.onnxRuntimeVersion())
                            .replace("@ORT_GPU_SHA1@", BuildInfo.onnxRuntimeGpuSha1()));
                }
            }
            write(work, PackageLayout.README,
                    PackageReadme.write(skill.name(), plan, k8s, edge.routes(), modelFiles, warnings,
                            EnumSet.copyOf(architectures), runtime != null));
            Checksums.write(work);
            assertNoSecrets(work, redaction);

            if (Files.exists(folder)) {
                Files.delete(folder);
            }
            Files.move(work, folder, StandardCopyOption.ATOMIC_MOVE);
            if (zip != null) {
                PackageZip.zip(folder, zip);
            }
            List<String> files = new ArrayList<>(Checksums.filesUnder(folder));
            files.add(Checksums.FILE_NAME);
            return new ExportResult(folder, zip, files, redaction.secrets(), warnings);
        } finally {
            deleteRecursively(work);
        }
    }

    private static String runtimeResource(String name) throws IOException {
        try (InputStream in = Objects.requireNonNull(
                EdgePackageExporter.class.getResourceAsStream("runtime/" + name), "resource runtime/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Copies the model of every model reference (any node type's MODEL_REF setting) in, each model once. */
    private ModelLibrary copyModels(Skill skill, ModelLibrary models, Path root, List<String> listed)
            throws IOException {
        Map<String, String> references = ModelStartCheck.modelReferences(catalog, skill);
        List<Problem> wouldNotStart = ModelStartCheck.problems(references, models);
        if (!wouldNotStart.isEmpty()) {
            throw new PackageException("the device would not start the skill; fix before exporting:\n  "
                    + wouldNotStart.stream().map(p -> "node '" + p.nodeId() + "': " + p.message())
                    .collect(Collectors.joining("\n  ")));
        }
        Map<String, ModelDescriptor> done = new LinkedHashMap<>();
        ModelJson json = new ModelJson();
        for (Map.Entry<String, String> e : references.entrySet()) {
            done.put(e.getValue(), copyModel(skill.node(e.getKey()).orElseThrow(), e.getValue(), models, root, json,
                    listed));
        }
        return ModelLibrary.of(done.values());
    }

    /** Copies one model and its labels in; the descriptor written beside them points at the copies. */
    private static ModelDescriptor copyModel(SkillNode node, String modelId, ModelLibrary models, Path root,
                                             ModelJson json, List<String> listed) throws IOException {
        ModelDescriptor m = models.find(modelId).orElseThrow(() -> new PackageException("node '" + node.id()
                + "': model '" + modelId + "' is not in the model library"));
        String stem = fileStem(modelId);
        Path source = localFile(m.model(), "model '" + modelId + "' (node '" + node.id() + "')");
        String modelRel = PackageLayout.MODELS + "/" + stem + extension(source, ".onnx");
        copy(source, root.resolve(modelRel));
        listed.add(modelRel);
        FileLocation labels = null;
        if (m.labels() != null && !m.labels().describe().isEmpty()) {
            Path lsrc = localFile(m.labels(), "labels of model '" + modelId + "' (node '" + node.id() + "')");
            String labelsRel = PackageLayout.LABELS + "/" + stem + extension(lsrc, ".txt");
            copy(lsrc, root.resolve(labelsRel));
            labels = FileLocation.local(labelsRel);
            listed.add(labelsRel);
        }
        ModelDescriptor packaged = m.withModel(FileLocation.local(modelRel)).withLabels(labels)
                .withSha256(Checksums.sha256(root.resolve(modelRel)));
        write(root, PackageLayout.MODELS + "/" + stem + PackageLayout.MODEL_DESCRIPTOR_SUFFIX, json.write(packaged));
        return packaged;
    }

    private static Path localFile(FileLocation loc, String what) throws PackageException {
        if (loc == null || loc.path().isBlank()) {
            throw new PackageException(what + ": no local file"
                    + (loc != null && loc.kind() == FileLocation.Kind.AZURE_BLOB ? " (download the blob first)" : ""));
        }
        Path p = Path.of(loc.path());
        if (!Files.isRegularFile(p)) {
            throw new PackageException(what + ": file " + p + " not found");
        }
        return p;
    }

    private void writeManifest(Path root, String rel, JsonObject manifest, ManifestValidator.Kind kind)
            throws IOException {
        String text = new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(manifest) + "\n";
        List<String> problems = manifestValidator.validate(kind, text);
        if (!problems.isEmpty()) {
            throw new PackageException(rel + " does not validate against " + kind.file() + ":\n  "
                    + String.join("\n  ", problems));
        }
        write(root, rel, text);
    }

    /** Last line of defence: no secret value may appear in any file of the package. */
    private static void assertNoSecrets(Path root, SecretPlaceholders.Redaction redaction) throws IOException {
        List<byte[]> needles = redaction.secretValues().stream().filter(v -> v.length() >= MIN_SCANNED_SECRET)
                .map(v -> v.getBytes(StandardCharsets.UTF_8)).toList();
        if (needles.isEmpty()) {
            return;
        }
        for (String rel : Checksums.filesUnder(root)) {
            if (rel.startsWith(RuntimeDistribution.LIB + "/")) {
                continue; // the build's jars, copied unchanged: nothing of the skill is written there
            }
            byte[] content = Files.readAllBytes(root.resolve(rel));
            for (byte[] n : needles) {
                if (indexOf(content, n) >= 0) {
                    throw new PackageException("internal error: a secret value would have been written to " + rel
                            + "; nothing was exported");
                }
            }
        }
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private static void write(Path root, String rel, String text) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
    }

    static String fileStem(String id) {
        String s = id.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[.]+", "_");
        return s.isEmpty() ? "model" : s;
    }

    private static String extension(Path p, String fallback) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot > 0 ? n.substring(dot).toLowerCase(java.util.Locale.ROOT) : fallback;
    }

    private static long sizeOf(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p)) {
                    total += Files.size(p);
                }
            }
            return total;
        }
    }

    private static boolean isEmptyDir(Path p) throws IOException {
        if (!Files.isDirectory(p)) {
            return false;
        }
        try (Stream<Path> s = Files.list(p)) {
            return s.findAny().isEmpty();
        }
    }

    static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
