package io.skilldesigner.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.skill.Skill;

/** Skills, their backups and the settings are readable by their owner only, even when an old file was not. */
class WorkspaceFilesArePrivateTest {
    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void savedFilesAre0600(@TempDir Path root) throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX only");
        Workspace ws = Workspace.open(root, NodeCatalog.standard());
        Skill s = Skill.empty("door", "Door");
        Path f = ws.saveSkill(s);
        assertEquals("rw-------", mode(f));
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--")); // as older versions wrote
        ws.saveSkill(s.withDescription("edited"));
        assertEquals("rw-------", mode(f));
        assertEquals("rw-------", mode(AtomicFileWriter.backupOf(f)), "the backup too");
        ws.saveSettings(WorkspaceSettings.empty().with("a", "b"));
        assertEquals("rw-------", mode(root.resolve(Workspace.SETTINGS_FILE)));
    }
}
