package io.skilldesigner.core.workspace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.io.FileFormatException;
import io.skilldesigner.core.io.ModelJson;
import io.skilldesigner.core.io.SettingsJson;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.io.TextFiles;
import io.skilldesigner.core.io.UnsupportedFormatVersionException;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.secrets.SecretRefs;
import io.skilldesigner.core.secrets.SecretStore;
import io.skilldesigner.core.skill.Skill;

/**
 * A folder of skills and models: {@code skills/<id>.skill.json}, {@code models/<id>.model.json} and
 * {@code settings.json}. Saves are atomic with one backup ({@code .bak}); a corrupt file is reported (file,
 * line, field) without keeping the others from loading; a file written by a newer version is never overwritten.
 */
public final class Workspace {
    public static final String SKILLS_DIR = "skills";
    public static final String MODELS_DIR = "models";
    public static final String SETTINGS_FILE = "settings.json";

    /** Ids become file names: no separators, no leading dot, nothing a file system might refuse. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,199}");

    private final Path root;
    private final SkillJson skillJson;
    private final ModelJson modelJson = new ModelJson();
    private final SettingsJson settingsJson = new SettingsJson();

    /** Null: secret values are kept in the skill files as they are (tools and tests without a store). */
    private final SecretRefs secrets;
    private final SecretStore store;

    private Workspace(Path root, NodeCatalog catalog, SecretStore store) {
        this.root = root;
        this.store = store;
        this.skillJson = new SkillJson(catalog);
        this.secrets = store == null ? null : new SecretRefs(catalog, store);
    }

    /** Opens (creating the folders if needed) the workspace at {@code root}. */
    public static Workspace open(Path root, NodeCatalog catalog) throws IOException {
        return open(root, catalog, null);
    }

    /**
     * Opens the workspace with secret settings kept in {@code store}: skill files hold only a reference to them
     * ({@link SecretRefs}), loaded skills carry the values.
     */
    public static Workspace open(Path root, NodeCatalog catalog, SecretStore store) throws IOException {
        Path abs = root.toAbsolutePath().normalize();
        Files.createDirectories(abs.resolve(SKILLS_DIR));
        Files.createDirectories(abs.resolve(MODELS_DIR));
        return new Workspace(abs, catalog, store);
    }

    public Path root() {
        return root;
    }

    // ------------------------------------------------------------------------------------------------ skills

    public Path skillFile(String id) {
        return root.resolve(SKILLS_DIR).resolve(checkId("skill", id) + SkillJson.EXTENSION);
    }

    public Listing<Skill> listSkills() throws IOException {
        List<Skill> items = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        for (Path f : files(SKILLS_DIR, SkillJson.EXTENSION)) {
            try {
                items.add(loadSkillFile(f));
            } catch (IOException e) {
                errors.add(new LoadError(f, e.getMessage()));
            }
        }
        return new Listing<>(items, errors);
    }

    /**
     * @throws NoSuchFileException when there is no such skill
     * @throws FileFormatException when the file is corrupt (the message says where)
     */
    public Skill loadSkill(String id) throws IOException {
        return loadSkillFile(skillFile(id));
    }

    private Skill loadSkillFile(Path f) throws IOException {
        String source = name(f);
        Skill skill = skillJson.read(readText(f), source);
        checkFileName(source, f, skill.id(), SkillJson.EXTENSION);
        return secrets == null ? skill : secrets.resolve(skill);
    }

    public synchronized Path saveSkill(Skill skill) throws IOException {
        Path f = skillFile(skill.id());
        boolean previousIsGood = guardNewer(f, Skill.CURRENT_FORMAT_VERSION,
                () -> skillJson.read(readText(f), name(f)));
        if (secrets != null && previousIsGood) {
            stashInPlace(f);
        }
        Set<String> before = storedRefs(skill.id());
        Skill toWrite = secrets == null ? skill : secrets.stash(skill);
        AtomicFileWriter.write(f, out -> out.write(skillJson.toBytes(toWrite)), previousIsGood);
        if (secrets != null) {
            dropBackupHolding(f, SecretRefs.stashedValues(skill, toWrite));
            // Entries no longer referred to (node or entry removed, secret un-ticked) leave the store at once:
            // the store holds what the current file refers to, nothing else.
            before.removeAll(SecretRefs.refsIn(toWrite));
            secrets.forget(before);
        }
        return f;
    }

    /**
     * Skill files written before secrets were stored (or by a copy of the app without a store) may hold secret values
     * in plain text: each such skill is saved again, so its file holds references only and no backup keeps the values.
     * Corrupt files and files whose name does not match their id are left for {@link #listSkills()} to report.
     *
     * @return the ids of the skills whose secrets moved to the store (none without a store)
     */
    public synchronized List<String> moveSecretsToStore() throws IOException {
        List<String> moved = new ArrayList<>();
        if (secrets == null) {
            return moved;
        }
        for (Path f : files(SKILLS_DIR, SkillJson.EXTENSION)) {
            Skill plain;
            try {
                plain = skillJson.read(readText(f), name(f));
                checkFileName(name(f), f, plain.id(), SkillJson.EXTENSION);
            } catch (FileFormatException e) {
                continue;
            }
            if (secrets.holdsPlainSecrets(plain)) {
                saveSkill(secrets.resolve(plain));
                moved.add(plain.id());
            }
        }
        return moved;
    }

    /**
     * The store entries of skill {@code id} its file and backup refer to. Only keys under the skill's own id: a
     * file copied by hand from another skill must not take that skill's secrets with it when it changes.
     */
    private Set<String> storedRefs(String id) throws IOException {
        Set<String> out = new LinkedHashSet<>();
        if (secrets == null) {
            return out;
        }
        Path f = skillFile(id);
        for (Path p : List.of(f, AtomicFileWriter.backupOf(f))) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            try {
                SecretRefs.refsIn(skillJson.read(readText(p), name(p))).stream()
                        .filter(r -> r.startsWith(id + "/")).forEach(out::add);
            } catch (FileFormatException e) {
                // a corrupt file or backup refers to nothing we can tell; its entries stay in the store
                continue;
            }
        }
        return out;
    }

    /**
     * A file written before secrets were stored (values in plain text) would become the backup as it is: replace it
     * with its stashed form first, so neither the file nor its backup keeps a secret.
     */
    /**
     * A value ticked secret only now was written in plain text by the previous save, so the backup (that previous
     * file) still holds it: such a backup is not kept. An unreadable backup is judged on its raw text.
     */
    private void dropBackupHolding(Path f, Set<String> secretValues) throws IOException {
        Path bak = AtomicFileWriter.backupOf(f);
        if (secretValues.isEmpty() || !Files.isRegularFile(bak)) {
            return;
        }
        String text = readText(bak);
        boolean holds;
        try {
            Set<String> plain = SecretRefs.plainValues(skillJson.read(text, name(bak)));
            holds = secretValues.stream().anyMatch(plain::contains);
        } catch (FileFormatException e) {
            holds = secretValues.stream().anyMatch(text::contains);
        }
        if (holds) {
            Files.delete(bak);
        }
    }

    private void stashInPlace(Path f) throws IOException {
        byte[] now = Files.readAllBytes(f);
        byte[] stashed = skillJson.toBytes(secrets.stash(skillJson.read(readText(f), name(f))));
        if (!java.util.Arrays.equals(now, stashed)) {
            AtomicFileWriter.write(f, out -> out.write(stashed), false);
        }
    }

    /**
     * Deletes the skill and its backup, and the secrets they refer to from the secret store; false when there was
     * no such skill.
     */
    public synchronized boolean deleteSkill(String id) throws IOException {
        Set<String> refs = storedRefs(id);
        boolean existed = delete(skillFile(id));
        if (secrets != null) {
            secrets.forget(refs);
        }
        return existed;
    }

    /** The store secret settings are kept in, if this workspace keeps them out of its files. */
    public Optional<SecretStore> secretStore() {
        return Optional.ofNullable(store);
    }

    // ------------------------------------------------------------------------------------------------ models

    public Path modelFile(String id) {
        return root.resolve(MODELS_DIR).resolve(checkId("model", id) + ModelJson.EXTENSION);
    }

    public Listing<ModelDescriptor> listModels() throws IOException {
        List<ModelDescriptor> items = new ArrayList<>();
        List<LoadError> errors = new ArrayList<>();
        for (Path f : files(MODELS_DIR, ModelJson.EXTENSION)) {
            try {
                items.add(loadModelFile(f));
            } catch (IOException e) {
                errors.add(new LoadError(f, e.getMessage()));
            }
        }
        return new Listing<>(items, errors);
    }

    public ModelDescriptor loadModel(String id) throws IOException {
        return loadModelFile(modelFile(id));
    }

    private ModelDescriptor loadModelFile(Path f) throws IOException {
        String source = name(f);
        ModelDescriptor m = modelJson.read(readText(f), source);
        checkFileName(source, f, m.id(), ModelJson.EXTENSION);
        return m;
    }

    public synchronized Path saveModel(ModelDescriptor model) throws IOException {
        Path f = modelFile(model.id());
        boolean previousIsGood = guardNewer(f, ModelJson.CURRENT_FORMAT_VERSION,
                () -> modelJson.read(readText(f), name(f)));
        AtomicFileWriter.write(f, out -> out.write(modelJson.toBytes(model)), previousIsGood);
        return f;
    }

    public synchronized boolean deleteModel(String id) throws IOException {
        return delete(modelFile(id));
    }

    /**
     * The workspace's models as a library, read from disk on each call so it follows saves and deletes.
     * Models whose files do not load are absent (see {@link #listModels()} for why).
     */
    public ModelLibrary modelLibrary() {
        return new ModelLibrary() {
            @Override
            public Optional<ModelDescriptor> find(String modelId) {
                if (modelId == null || !ID.matcher(modelId).matches() || !Files.isRegularFile(modelFile(modelId))) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(loadModel(modelId));
                } catch (IOException e) {
                    // a corrupt model is not usable; listModels() reports it with file, line and field
                    return Optional.empty();
                }
            }

            @Override
            public List<ModelDescriptor> all() {
                try {
                    return listModels().items();
                } catch (IOException e) {
                    // the models folder itself cannot be read (removed under us): there are no models to offer
                    return List.of();
                }
            }
        };
    }

    // ---------------------------------------------------------------------------------------------- settings

    public WorkspaceSettings loadSettings() throws IOException {
        Path f = root.resolve(SETTINGS_FILE);
        if (!Files.isRegularFile(f)) {
            return WorkspaceSettings.empty();
        }
        return new WorkspaceSettings(settingsJson.read(readText(f), name(f)));
    }

    public synchronized void saveSettings(WorkspaceSettings settings) throws IOException {
        Path f = root.resolve(SETTINGS_FILE);
        boolean previousIsGood = guardNewer(f, SettingsJson.CURRENT_FORMAT_VERSION,
                () -> settingsJson.read(readText(f), name(f)));
        byte[] bytes = settingsJson.write(settings.values()).getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(f, out -> out.write(bytes), previousIsGood);
    }

    // --------------------------------------------------------------------------------------------- internals

    @FunctionalInterface
    private interface Loader {
        Object load() throws IOException;
    }

    /**
     * Refuses to replace a file written by a newer version (its content would be lost). Returns whether the
     * current file loads, i.e. deserves to become the backup.
     */
    private boolean guardNewer(Path f, int supported, Loader loader) throws IOException {
        if (!Files.isRegularFile(f)) {
            return false;
        }
        int version = declaredVersion(readText(f));
        if (version > supported) {
            throw new UnsupportedFormatVersionException(name(f), 0, 0, version, supported);
        }
        try {
            loader.load();
            return true;
        } catch (FileFormatException e) {
            return false; // corrupt: overwrite it, but keep the older good backup
        }
    }

    /** The formatVersion a file declares, or -1 when it cannot be told. */
    private static int declaredVersion(String text) {
        try {
            JsonElement e = JsonParser.parseString(text);
            JsonElement v = e.isJsonObject() ? e.getAsJsonObject().get("formatVersion") : null;
            if (v != null && v.isJsonPrimitive() && v.getAsJsonPrimitive().isNumber()) {
                return v.getAsInt();
            }
        } catch (JsonParseException | NumberFormatException e) {
            // unreadable: it cannot be from a newer version we would lose, so saving over it is fine
        }
        return -1;
    }

    private List<Path> files(String dir, String extension) throws IOException {
        List<Path> out = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(root.resolve(dir))) {
            for (Path p : stream) {
                String n = p.getFileName().toString();
                if (n.endsWith(extension) && !n.startsWith(".") && Files.isRegularFile(p)) {
                    out.add(p);
                }
            }
        }
        out.sort(null);
        return out;
    }

    private static boolean delete(Path f) throws IOException {
        boolean existed = Files.deleteIfExists(f);
        Files.deleteIfExists(AtomicFileWriter.backupOf(f));
        return existed;
    }

    private String readText(Path f) throws IOException {
        return TextFiles.readUtf8(f, name(f));
    }

    /** A file as messages name it: relative to the workspace, with forward slashes. */
    private String name(Path f) {
        return root.relativize(f.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void checkFileName(String source, Path f, String id, String extension)
            throws FileFormatException {
        String expected = f.getFileName().toString();
        expected = expected.substring(0, expected.length() - extension.length());
        if (!expected.equals(id)) {
            throw new FileFormatException(source, 0, 0, "id", "id '" + id + "' does not match the file name;"
                    + " expected '" + expected + "'");
        }
    }

    private static String checkId(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("The " + what + " id '" + id + "' cannot be used as a file name:"
                    + " use letters, digits, '.', '_' and '-', starting with a letter or digit");
        }
        return id;
    }
}
