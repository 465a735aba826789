package io.skilldesigner.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.ResolvedSettings;
import io.skilldesigner.core.validation.SettingsResolver;
import io.skilldesigner.core.workspace.WorkspacePaths;

/**
 * The video files that camera inputs read: copied into the package's {@code media/} and the node pointed at the
 * copy (relative, so it resolves against the package folder on the device). A file that cannot be found stops
 * the export with the fix: without it the runtime would exit with a source failure on the device.
 */
final class SourceFiles {
    static final String MEDIA = "media";

    /** The skill with its file sources pointing into the package, and what was copied (package path, bytes). */
    record Result(Skill skill, Map<String, Long> files) {
    }

    private final NodeCatalog catalog;

    SourceFiles(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /** @param workspace where relative file paths in the skill resolve (the app's and CLI's workspace), or null */
    Result include(Skill skill, Path workspace, Path packageRoot) throws IOException {
        SettingsResolver resolver = new SettingsResolver(catalog);
        Map<String, Long> copied = new LinkedHashMap<>();
        List<SkillNode> nodes = new ArrayList<>();
        for (SkillNode node : skill.nodes()) {
            if (!CameraInputNode.ID.equals(node.typeId())) {
                nodes.add(node);
                continue;
            }
            ResolvedSettings values = resolver.resolve(skill, node);
            if (!CameraInputNode.FILE.equals(values.get(CameraInputNode.SOURCE_KIND))) {
                nodes.add(node);
                continue;
            }
            String setting = String.valueOf(values.get(CameraInputNode.FILE_PATH_KEY));
            Path file = WorkspacePaths.resolve(workspace, setting);
            if (!Files.isRegularFile(file)) {
                throw new PackageException("camera node '" + node.id() + "' reads the video file " + setting
                        + ", which was not found" + (workspace == null ? "" : " (in workspace " + workspace + ")")
                        + ": use an RTSP camera on the device, or include the file (fix its path)");
            }
            String rel = MEDIA + "/" + node.id().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_") + "-"
                    + file.getFileName();
            Path target = packageRoot.resolve(rel);
            Files.createDirectories(target.getParent());
            Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
            copied.put(rel, Files.size(target));
            nodes.add(node.withSetting(CameraInputNode.FILE_PATH_KEY, rel));
        }
        return new Result(skill.withNodes(nodes), copied);
    }

    static String size(long bytes) {
        return bytes >= 1 << 20 ? String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                : String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
    }
}
