package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Skill;

/** Reads the skill file a command was given, saying what is wrong with it (the caller exits with BAD_SKILL). */
final class SkillFileReader {
    private SkillFileReader() {
    }

    /** The skill, or null after printing why it cannot be read. */
    static Skill read(Path skillFile, NodeCatalog catalog, PrintStream err) {
        try {
            return new SkillJson(catalog).read(skillFile);
        } catch (NoSuchFileException e) {
            err.println("error: skill file not found: " + skillFile);
        } catch (IOException e) {
            err.println("error: cannot read skill " + skillFile + ": " + e.getMessage());
        }
        return null;
    }
}
