package io.skilldesigner.engine.runtime;

import java.nio.file.Path;

import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.WorkspacePaths;

/**
 * What node runtimes may use besides their own settings.
 *
 * @param workspaceDir relative paths in settings (models, output folders) resolve against it
 * @param edge         true when running as the edge runtime (exports really send to IoT Hub/Edge)
 */
public record RuntimeContext(Skill skill, ModelLibrary models, Path workspaceDir, RunIdentity identity,
                             ExportMessageListener messages, NodeStatusListener status, boolean edge) {
    /** A path from a setting, resolved as everywhere else ({@link WorkspacePaths}). */
    public Path resolve(String path) {
        return WorkspacePaths.resolve(workspaceDir, path);
    }
}
