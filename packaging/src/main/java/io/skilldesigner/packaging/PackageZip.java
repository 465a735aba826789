package io.skilldesigner.packaging;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/** Zips a package folder (entries sorted, fixed timestamps) and unpacks a package zip safely. */
public final class PackageZip {
    /** Fixed entry time so the same package content gives the same zip bytes. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);
    /** Refuse archives that unpack to more than this (zip bombs). */
    public static final long MAX_UNPACKED_BYTES = 8L << 30;
    /** Model weights and text compress far less; 1000:1 only comes from crafted archives. */
    static final long MAX_RATIO = 1000;
    /** Small entries may compress well (an empty labels file): the ratio is checked above this size only. */
    static final long MIN_BOMB_BYTES = 1 << 20;

    private PackageZip() {
    }

    public static void zip(Path folder, Path zipFile) throws IOException {
        Path tmp = zipFile.resolveSibling(zipFile.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (String rel : allFiles(folder)) {
                ZipEntry e = new ZipEntry(rel);
                e.setLastModifiedTime(EPOCH);
                if (rel.endsWith(".jar")) {
                    store(e, folder.resolve(rel)); // runtime jars are compressed already: deflating again gains nothing
                }
                zos.putNextEntry(e);
                Files.copy(folder.resolve(rel), zos);
                zos.closeEntry();
            }
        }
        Files.move(tmp, zipFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void store(ZipEntry e, Path file) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                crc.update(buf, 0, n);
            }
        }
        e.setMethod(ZipEntry.STORED);
        e.setSize(Files.size(file));
        e.setCompressedSize(Files.size(file));
        e.setCrc(crc.getValue());
    }

    /**
     * Unpacks into an empty or new folder. Everything is checked against the zip's table of contents before a byte
     * is written: paths (absolute, drive letters, '..'), duplicates, symbolic links, a file that is also a folder,
     * the declared total size (at most {@link #MAX_UNPACKED_BYTES}) and each entry's compression ratio (zip bombs).
     * While writing, an entry that holds more than it declares stops the import at once.
     */
    public static void unzip(Path zipFile, Path target) throws IOException {
        Files.createDirectories(target);
        String where = zipFile.getFileName().toString();
        try (ZipFile zip = open(zipFile, where)) {
            List<ZipArchiveEntry> entries = check(zip, where);
            for (ZipArchiveEntry e : entries) {
                Path dest = PackagePaths.resolveInside(target, e.getName(), where);
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(dest)) {
                    copyDeclared(in, out, e, where);
                } catch (EOFException ex) {
                    throw new PackageException(where + ": entry '" + e.getName() + "' ends early; the zip is"
                            + " truncated or damaged", ex);
                }
            }
        }
    }

    private static ZipFile open(Path zipFile, String where) throws IOException {
        try {
            return ZipFile.builder().setPath(zipFile).get();
        } catch (IOException ex) {
            if (startsLikeAZip(zipFile)) {
                throw new PackageException(where + " is truncated or damaged: it starts as a zip but its table of"
                        + " contents is missing or unreadable (" + ex.getMessage() + "); download or copy it again",
                        ex);
            }
            throw new PackageException(where + " is not a zip file; an edge package is the .zip written by"
                    + " \"Export edge package\" (or its folder)", ex);
        }
    }

    private static boolean startsLikeAZip(Path f) throws IOException {
        byte[] head = new byte[4];
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(head, 0, 4) == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
    }

    /** Everything that can be refused from the table of contents alone; returns the entries in order. */
    private static List<ZipArchiveEntry> check(ZipFile zip, String where) throws IOException {
        List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
        Set<String> files = new HashSet<>();
        Set<String> dirs = new HashSet<>();
        long declared = 0;
        for (ZipArchiveEntry e : entries) {
            String name = e.getName().replace('\\', '/');
            // As stored first (the message then names the entry as the user sees it in a zip tool), then as read.
            PackagePaths.resolveInside(Path.of("."), new String(e.getRawName(), StandardCharsets.UTF_8), where);
            PackagePaths.resolveInside(Path.of("."), e.getName(), where);
            String plain = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
            if (e.isUnixSymlink()) {
                throw new PackageException(where + ": entry '" + name + "' is a symbolic link; packages hold plain"
                        + " files only, refused");
            }
            if (files.contains(plain) || (!e.isDirectory() && dirs.contains(plain))
                    || (e.isDirectory() && !dirs.add(plain))) {
                throw new PackageException(where + ": entry '" + name + "' appears twice; refused");
            }
            if (!e.isDirectory()) {
                files.add(plain);
                long size = e.getSize();
                if (size < 0) {
                    throw new PackageException(where + ": entry '" + name + "' does not declare its size; refused");
                }
                long packed = Math.max(1, e.getCompressedSize());
                if (size > MIN_BOMB_BYTES && size / packed > MAX_RATIO) {
                    throw new PackageException(where + ": entry '" + name + "' declares " + size + " bytes from "
                            + packed + " compressed (more than " + MAX_RATIO + ":1, a zip bomb); refused");
                }
                declared += size;
                if (declared > MAX_UNPACKED_BYTES) {
                    throw new PackageException(where + ": unpacks to more than " + MAX_UNPACKED_BYTES
                            + " bytes; refused");
                }
            }
        }
        for (String f : files) {
            for (int i = f.indexOf('/'); i > 0; i = f.indexOf('/', i + 1)) {
                if (files.contains(f.substring(0, i))) {
                    throw new PackageException(where + ": '" + f.substring(0, i) + "' is both a file and the folder"
                            + " of '" + f + "'; refused");
                }
            }
        }
        return entries;
    }

    /** Copies an entry, refusing at the first byte beyond what its table-of-contents entry declares. */
    private static void copyDeclared(InputStream in, OutputStream out, ZipArchiveEntry e, String where)
            throws IOException {
        long left = e.getSize();
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = in.read(buf)) > 0) {
            if (n > left) {
                throw new PackageException(where + ": entry '" + e.getName() + "' holds more than the " + e.getSize()
                        + " bytes it declares; refused");
            }
            left -= n;
            out.write(buf, 0, n);
        }
        if (left > 0) {
            throw new EOFException(left + " bytes missing");
        }
    }

    private static Iterable<String> allFiles(Path folder) throws IOException {
        java.util.List<String> files = new java.util.ArrayList<>(Checksums.filesUnder(folder));
        if (Files.isRegularFile(folder.resolve(Checksums.FILE_NAME))) {
            files.add(Checksums.FILE_NAME);
        }
        files.sort(null);
        return files;
    }
}
