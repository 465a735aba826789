package io.skilldesigner.core.workspace;

import java.nio.file.Files;

import io.skilldesigner.core.skill.Skill;

/**
 * Where an imported skill (edge package, KAN file) is saved: under its own id when that is free, else as a copy
 * beside the existing skill ({@code <id>-imported}, {@code <id>-imported-2}, ...), so an import never replaces a
 * skill the user has (its typed secrets, its nodes).
 */
public final class ImportedSkills {
    private ImportedSkills() {
    }

    /** The skill as it should be saved in {@code ws}; the same skill when its id is free. */
    public static Skill place(Workspace ws, Skill incoming) {
        if (!Files.exists(ws.skillFile(incoming.id()))) {
            return incoming;
        }
        for (int n = 1; ; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            String id = incoming.id() + "-imported" + suffix;
            if (!Files.exists(ws.skillFile(id))) {
                return incoming.withId(id).withName(incoming.name() + " (imported" + (n == 1 ? "" : " " + n) + ")");
            }
        }
    }
}
