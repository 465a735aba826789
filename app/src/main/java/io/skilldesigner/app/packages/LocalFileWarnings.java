package io.skilldesigner.app.packages;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.workspace.WorkspacePaths;

/**
 * Files of this computer that a package only refers to: a file-path setting (a video, a CA certificate) naming a
 * file that exists here, absolute or relative to the workspace. The package carries the path, not the file, so the
 * device must have it there; the user is told before shipping.
 */
final class LocalFileWarnings {
    private LocalFileWarnings() {
    }

    static List<String> of(Skill skill, NodeCatalog catalog, Path workspace) {
        List<String> out = new ArrayList<>();
        for (SkillNode n : skill.nodes()) {
            NodeType type = catalog.find(n.typeId()).orElse(null);
            if (type == null) {
                continue;
            }
            Map<String, Object> settings = EffectiveSettings.lenient(type, n).values();
            for (SettingSpec spec : type.settings()) {
                if (spec.type() == SettingType.FILE_PATH && spec.isEnabled(settings)
                        && settings.get(spec.key()) instanceof String v && isLocalFile(v, workspace)) {
                    out.add(n.displayName() + ": " + spec.label() + " '" + v + "' is a file on this computer; the"
                            + " package only names it, so the device needs that file at that path");
                }
            }
        }
        return out;
    }

    private static boolean isLocalFile(String value, Path workspace) {
        if (value.isBlank() || value.contains("$")) {
            return false; // empty, or a parameter / secret placeholder filled in on the device
        }
        try {
            return Files.isRegularFile(WorkspacePaths.resolve(workspace, value));
        } catch (InvalidPathException e) {
            return false; // not a path this computer can have; validation reports malformed values
        }
    }
}
