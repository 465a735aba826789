package io.skilldesigner.app.skills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.secrets.SecretRefs;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * Autosave for skills being edited: a draft per skill under {@code skills/.drafts/}, written atomically while the
 * user works, removed once the skill is saved or the edit is abandoned. A draft left by a crash is offered back
 * the next time that skill (or a new skill) is opened. Like skill files, drafts hold only references to secret
 * values: the values go to the workspace's secret store under {@value #SCOPE}{@code <skill>/...} (the draft's own,
 * so a draft never changes the saved skill's secrets) and leave it with the draft.
 */
public final class SkillDrafts {
    /** Store keys of drafts: a skill id cannot start with a dot, so these never meet a saved skill's. */
    static final String SCOPE = ".draft/";

    private final Path dir;
    private final SkillJson json;
    private final Optional<SecretRefs> secrets;
    /** The draft last written by this object: autosave calls every few seconds, mostly with nothing new. */
    private Skill lastSaved;

    public SkillDrafts(Workspace workspace, NodeCatalog catalog) {
        this.dir = workspace.root().resolve(Workspace.SKILLS_DIR).resolve(".drafts");
        this.json = new SkillJson(catalog);
        this.secrets = workspace.secretStore().map(store -> new SecretRefs(catalog, store, SCOPE));
    }

    private Path file(String skillId) {
        return dir.resolve(skillId + ".draft" + SkillJson.EXTENSION);
    }

    public void save(Skill draft) throws IOException {
        if (draft.equals(lastSaved) && Files.isRegularFile(file(draft.id()))) {
            return;
        }
        Files.createDirectories(dir);
        Set<String> before = storedRefs(draft.id());
        Skill toWrite = secrets.isPresent() ? secrets.get().stash(draft) : draft;
        byte[] bytes = json.write(toWrite).getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(file(draft.id()), out -> out.write(bytes), false);
        lastSaved = draft;
        if (secrets.isPresent()) {
            before.removeAll(SecretRefs.refsIn(toWrite));
            secrets.get().forget(before);
        }
    }

    /** The draft of a skill, if a previous session left one that still reads, with its secret values. */
    public Optional<Skill> find(String skillId) {
        Path f = file(skillId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            Skill read = json.read(f);
            return Optional.of(secrets.isPresent() ? secrets.get().resolve(read) : read);
        } catch (IOException e) {
            // a draft torn by the crash it was meant to survive is not worth offering: the saved skill stands
            return Optional.empty();
        }
    }

    /** Removes the draft and its secret values. */
    public void discard(String skillId) throws IOException {
        Set<String> refs = storedRefs(skillId);
        Files.deleteIfExists(file(skillId));
        lastSaved = null;
        if (secrets.isPresent()) {
            secrets.get().forget(refs);
        }
    }

    /** The draft's own store keys its file refers to (none when it does not read). */
    private Set<String> storedRefs(String skillId) {
        Path f = file(skillId);
        if (secrets.isEmpty() || !Files.isRegularFile(f)) {
            return new LinkedHashSet<>();
        }
        try {
            Set<String> refs = new LinkedHashSet<>(SecretRefs.refsIn(json.read(f)));
            refs.removeIf(r -> !r.startsWith(SCOPE + skillId + "/"));
            return refs;
        } catch (IOException e) {
            // a torn draft refers to nothing we can read; its values are overwritten by the next draft's
            return new LinkedHashSet<>();
        }
    }
}
