package io.skilldesigner.app.skills;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * Autosave for skills being edited: a draft per skill under {@code skills/.drafts/}, written atomically while the
 * user works, removed once the skill is saved or the edit is abandoned. A draft left by a crash is offered back
 * the next time that skill (or a new skill) is opened.
 */
public final class SkillDrafts {
    private final Path dir;
    private final SkillJson json;

    public SkillDrafts(Workspace workspace, NodeCatalog catalog) {
        this.dir = workspace.root().resolve(Workspace.SKILLS_DIR).resolve(".drafts");
        this.json = new SkillJson(catalog);
    }

    private Path file(String skillId) {
        return dir.resolve(skillId + ".draft" + SkillJson.EXTENSION);
    }

    public void save(Skill draft) throws IOException {
        Files.createDirectories(dir);
        byte[] bytes = json.write(draft).getBytes(StandardCharsets.UTF_8);
        AtomicFileWriter.write(file(draft.id()), out -> out.write(bytes), false);
    }

    /** The draft of a skill, if a previous session left one that still reads. */
    public Optional<Skill> find(String skillId) {
        Path f = file(skillId);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        try {
            return Optional.of(json.read(f));
        } catch (IOException e) {
            // a draft torn by the crash it was meant to survive is not worth offering: the saved skill stands
            return Optional.empty();
        }
    }

    public void discard(String skillId) throws IOException {
        Files.deleteIfExists(file(skillId));
    }
}
