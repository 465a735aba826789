package io.skilldesigner.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Replaces a file so that a crash at any moment leaves either the old or the new content, never a mix:
 * the new content goes to a temporary file in the same folder, is forced to disk, then renamed over the target
 * (atomically where the file system can), and the folder is forced so the rename itself survives a power cut.
 * The previous content is kept as {@code <name>.bak} (one backup, replaced each save; written the same way).
 * <p>
 * Temporary files are named {@code .<name>.<random>.tmp}; ones left by a crash are deleted on the next save of
 * that file. Saves of one file must not run concurrently (callers serialise them).
 * <p>
 * Files are created readable by their owner only (0600 where the file system has POSIX permissions): skills and
 * drafts may hold values the user typed that others on the machine must not read.
 */
public final class AtomicFileWriter {
    public static final String BACKUP_SUFFIX = ".bak";
    static final String TEMP_SUFFIX = ".tmp";
    /** rw------- on POSIX file systems, null elsewhere (Windows: the user's profile folder already is private). */
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")) : null;

    /** Writes the whole content; may throw at any point, in which case the target is left as it was. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFileWriter() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    public static void write(Path target, Content content) throws IOException {
        write(target, content, true);
    }

    /**
     * @param keepBackup copy the current file to {@code <name>.bak} first; pass false when the current file is
     *                   known to be bad, so the backup keeps the last good content
     */
    public static void write(Path target, Content content, boolean keepBackup) throws IOException {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        Files.createDirectories(dir);
        deleteLeftoverTemps(file);
        Path temp = writeTemp(file, content);
        try {
            if (keepBackup && Files.isRegularFile(file)) {
                Path backupTemp = writeTemp(backupOf(file), out -> Files.copy(file, out));
                move(backupTemp, backupOf(file));
            }
            move(temp, file);
        } finally {
            Files.deleteIfExists(temp); // only still there when a step above failed
        }
        forceDirectory(dir);
    }

    public static Path backupOf(Path target) {
        return target.resolveSibling(target.getFileName() + BACKUP_SUFFIX);
    }

    /** True for the temporary files this class makes (so folder listings can skip them). */
    public static boolean isTemporary(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(TEMP_SUFFIX);
    }

    private static Path writeTemp(Path target, Content content) throws IOException {
        Path temp = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + TEMP_SUFFIX);
        boolean done = false;
        try (FileChannel ch = OWNER_ONLY == null
                ? FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)
                : FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                OWNER_ONLY)) {
            OutputStream out = Channels.newOutputStream(ch);
            content.writeTo(out);
            out.flush();
            ch.force(true);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(temp);
            }
        }
        return temp;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Some file systems (certain network shares) cannot rename atomically; a plain replace is the best
            // they offer, and the temp file was complete and forced, so the target is never partial content.
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteLeftoverTemps(Path target) throws IOException {
        // Exactly this file's temps (and its backup's), not those of a file whose name merely starts the same.
        Pattern ours = Pattern.compile(Pattern.quote("." + target.getFileName()) + "(" + Pattern.quote(BACKUP_SUFFIX)
                + ")?\\.[0-9a-f-]{36}" + Pattern.quote(TEMP_SUFFIX));
        List<Path> leftovers = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(target.getParent())) {
            for (Path p : dir) {
                if (ours.matcher(p.getFileName().toString()).matches()) {
                    leftovers.add(p);
                }
            }
        }
        for (Path p : leftovers) {
            Files.deleteIfExists(p);
        }
    }

    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a channel; there NTFS journals the rename itself. The file content
            // is already forced, so skipping this only risks losing the rename on a power cut, not corruption.
        }
    }
}
