package io.skilldesigner.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.model.AbsoluteModelLibrary;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.workspace.ImportedSkills;
import io.skilldesigner.core.workspace.Workspace;

/**
 * Reads an edge deployment package (its folder or its zip) back into a workspace: every file is checked against
 * checksums.sha256 first (a changed, missing or added file stops the import and is named), zip entries that would
 * land outside the package are refused, and a model whose SHA-256 matches a model already in the workspace is
 * not copied again: the skill is pointed at the existing one.
 */
public final class PackageImporter {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{?(" + SecretPlaceholders.PREFIX
            + "[A-Z0-9_]+)}?");

    private final NodeCatalog catalog;

    public PackageImporter(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * Imports into a workspace: new models are copied to {@code models/<id>/} and saved as
     * {@code models/<id>.model.json}, the skill is saved under its id, or as a copy beside a skill with the same
     * id (see {@link ImportedSkills}; the existing skill is never replaced, the result's skill carries the id used).
     */
    public ImportResult importInto(Path source, Workspace workspace) throws IOException {
        // the workspace stores model paths relative to itself: checksums are computed from the files they name
        ModelLibrary existing = new AbsoluteModelLibrary(workspace.modelLibrary(), workspace.root());
        ImportResult r = importPackage(source, existing, workspace.root().resolve(Workspace.MODELS_DIR));
        Skill skill = ImportedSkills.place(workspace, r.skill());
        for (ModelDescriptor m : r.addedModels()) {
            workspace.saveModel(m);
        }
        workspace.saveSkill(skill);
        return new ImportResult(skill, r.addedModels(), r.reusedModels(), r.placeholders());
    }

    /**
     * @param source    package zip or package folder
     * @param existing  the workspace's models with absolute file paths (for de-duplication by SHA-256 and to avoid
     *                  id clashes)
     * @param modelsDir where new model and label files are copied ({@code <modelsDir>/<model id>/...})
     */
    public ImportResult importPackage(Path source, ModelLibrary existing, Path modelsDir) throws IOException {
        if (Files.isDirectory(source)) {
            return importFolder(source, existing, modelsDir);
        }
        if (!Files.isRegularFile(source)) {
            throw new PackageException("package " + source + " not found");
        }
        Path tmp = Files.createTempDirectory("sd-import-");
        try {
            PackageZip.unzip(source, tmp);
            return importFolder(tmp, existing, modelsDir);
        } finally {
            EdgePackageExporter.deleteRecursively(tmp);
        }
    }

    private ImportResult importFolder(Path root, ModelLibrary existing, Path modelsDir) throws IOException {
        Checksums.verify(root);
        Path skillFile = root.resolve(PackageLayout.SKILL);
        if (!Files.isRegularFile(skillFile)) {
            throw new PackageException("package has no " + PackageLayout.SKILL);
        }
        String skillText = Files.readString(skillFile, StandardCharsets.UTF_8);
        Skill skill = new SkillJson(catalog).read(skillText, PackageLayout.SKILL);

        Map<String, String> idMap = new LinkedHashMap<>();
        Map<String, String> reused = new LinkedHashMap<>();
        List<ModelDescriptor> added = new ArrayList<>();
        Map<String, String> existingBySha = existingChecksums(existing);
        Set<String> takenIds = new HashSet<>();
        existing.all().forEach(m -> takenIds.add(m.id()));
        ModelJson json = new ModelJson();
        for (Path descriptorFile : descriptors(root)) {
            String rel = root.relativize(descriptorFile).toString().replace('\\', '/');
            ModelDescriptor m = json.read(Files.readString(descriptorFile, StandardCharsets.UTF_8), rel);
            Path modelFile = packaged(root, m.model(), rel, "model");
            String sha = Checksums.sha256(modelFile);
            if (!m.sha256().isEmpty() && !m.sha256().equalsIgnoreCase(sha)) {
                throw new PackageException(rel + ": sha256 " + m.sha256() + " does not match "
                        + m.model().path() + " (" + sha + ")");
            }
            String match = existingBySha.get(sha);
            if (match != null) {
                idMap.put(m.id(), match);
                reused.put(m.id(), match);
                continue;
            }
            String id = m.id();
            for (int n = 2; takenIds.contains(id); n++) {
                id = m.id() + "-" + n;
            }
            takenIds.add(id);
            idMap.put(m.id(), id);
            Path dir = PackagePaths.resolveInside(modelsDir, EdgePackageExporter.fileStem(id), "models folder");
            Files.createDirectories(dir);
            Path modelCopy = dir.resolve(modelFile.getFileName());
            Files.copy(modelFile, modelCopy, StandardCopyOption.REPLACE_EXISTING);
            FileLocation labels = null;
            if (m.labels() != null && !m.labels().path().isBlank()) {
                Path labelFile = packaged(root, m.labels(), rel, "labels");
                Path labelCopy = dir.resolve(labelFile.getFileName());
                Files.copy(labelFile, labelCopy, StandardCopyOption.REPLACE_EXISTING);
                labels = FileLocation.local(labelCopy.toAbsolutePath().toString());
            }
            ModelDescriptor copy = new ModelDescriptor(id, m.name(), m.task(), m.format(),
                    FileLocation.local(modelCopy.toAbsolutePath().toString()), labels, m.description(), m.tags(),
                    m.io(), m.decoder(), sha);
            added.add(copy);
            existingBySha.put(sha, id);
        }
        Skill pointed = repointModels(skill, idMap);
        return new ImportResult(pointed, added, reused, placeholders(skillText));
    }

    private static List<Path> descriptors(Path root) throws IOException {
        Path models = root.resolve(PackageLayout.MODELS);
        if (!Files.isDirectory(models)) {
            return List.of();
        }
        try (var s = Files.list(models)) {
            return s.filter(p -> p.getFileName().toString().endsWith(PackageLayout.MODEL_DESCRIPTOR_SUFFIX))
                    .sorted().toList();
        }
    }

    /** A descriptor's file, which must be a package-relative path inside the package. */
    private static Path packaged(Path root, FileLocation loc, String descriptor, String what) throws IOException {
        if (loc == null || loc.kind() != FileLocation.Kind.LOCAL || loc.path().isBlank()) {
            throw new PackageException(descriptor + ": " + what + " is not a file of the package");
        }
        Path p = PackagePaths.resolveInside(root, loc.path(), descriptor);
        if (!Files.isRegularFile(p)) {
            throw new PackageException(descriptor + ": " + what + " file '" + loc.path() + "' is not in the package");
        }
        return p;
    }

    /** SHA-256 → model id for the workspace's models, computing checksums the descriptors lack. */
    private static Map<String, String> existingChecksums(ModelLibrary existing) throws IOException {
        Map<String, String> out = new HashMap<>();
        for (ModelDescriptor m : existing.all()) {
            String sha = m.sha256();
            if (sha.isEmpty() && m.model() != null && !m.model().path().isBlank()
                    && Files.isRegularFile(Path.of(m.model().path()))) {
                sha = Checksums.sha256(Path.of(m.model().path()));
            }
            if (!sha.isEmpty()) {
                out.putIfAbsent(sha.toLowerCase(), m.id());
            }
        }
        return out;
    }

    /** Points every model reference (any node type's MODEL_REF setting) at the model id used in the workspace. */
    private Skill repointModels(Skill skill, Map<String, String> idMap) {
        Skill out = skill;
        for (SkillNode n : skill.nodes()) {
            for (String key : catalog.settingKeysOfType(n.typeId(), SettingType.MODEL_REF)) {
                if (n.setting(key) instanceof String id) {
                    String target = Optional.ofNullable(idMap.get(id)).orElse(id);
                    if (!target.equals(id)) {
                        out = out.updateNode(n.id(), node -> node.withSetting(key, target));
                    }
                }
            }
        }
        return out;
    }

    private static List<String> placeholders(String skillText) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(skillText);
        while (m.find()) {
            names.add(m.group(1));
        }
        return new ArrayList<>(names);
    }
}
