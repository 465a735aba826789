package io.skilldesigner.packaging.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.model.AbsoluteModelLibrary;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * A skill file and the workspace its models come from, as {@code validate} and {@code export} read them. The
 * workspace defaults to the folder above the skill's ({@code <workspace>/skills/<id>.skill.json}).
 */
record SkillInput(Skill skill, ModelLibrary models, Path workspace) {
    /** @return null after printing why (file missing or not a skill, naming file/line/field) */
    static SkillInput read(NodeCatalog catalog, Path skillFile, String workspaceOption, PrintStream err) {
        Path workspace = workspaceOption != null ? Path.of(workspaceOption)
                : defaultWorkspace(skillFile.toAbsolutePath());
        Skill skill;
        try {
            skill = new SkillJson(catalog).read(skillFile);
        } catch (NoSuchFileException e) {
            err.println("error: skill file not found: " + skillFile);
            return null;
        } catch (IOException e) {
            err.println("error: cannot read skill " + skillFile + ": " + e.getMessage());
            return null;
        }
        try {
            Workspace ws = Workspace.open(workspace, catalog);
            return new SkillInput(skill, new AbsoluteModelLibrary(ws.modelLibrary(), ws.root()), ws.root());
        } catch (IOException e) {
            err.println("error: cannot open workspace " + workspace + ": " + e.getMessage());
            return null;
        }
    }

    private static Path defaultWorkspace(Path skillFile) {
        Path dir = skillFile.getParent();
        if (dir != null && dir.getFileName() != null && dir.getFileName().toString().equals(Workspace.SKILLS_DIR)
                && dir.getParent() != null) {
            return dir.getParent();
        }
        return dir;
    }
}
