package io.skilldesigner.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/** Zips a package folder (entries sorted, fixed timestamps) and unpacks a package zip safely. */
public final class PackageZip {
    /** Fixed entry time so the same package content gives the same zip bytes. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);
    /** Refuse archives that unpack to more than this (zip bombs). */
    public static final long MAX_UNPACKED_BYTES = 8L << 30;

    private PackageZip() {
    }

    public static void zip(Path folder, Path zipFile) throws IOException {
        Path tmp = zipFile.resolveSibling(zipFile.getFileName() + ".part");
        try (OutputStream os = Files.newOutputStream(tmp); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (String rel : allFiles(folder)) {
                ZipEntry e = new ZipEntry(rel);
                e.setLastModifiedTime(EPOCH);
                zos.putNextEntry(e);
                Files.copy(folder.resolve(rel), zos);
                zos.closeEntry();
            }
        }
        Files.move(tmp, zipFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Unpacks into an empty or new folder. Entries with absolute paths, drive letters or '..' segments are refused
     * before anything is written for them; duplicate entries are refused too.
     */
    public static void unzip(Path zipFile, Path target) throws IOException {
        Files.createDirectories(target);
        String where = zipFile.getFileName().toString();
        Set<String> seen = new HashSet<>();
        long total = 0;
        try (InputStream in = Files.newInputStream(zipFile); ZipInputStream zis = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zis.getNextEntry()) != null) {
                Path dest = PackagePaths.resolveInside(target, e.getName(), where);
                if (!seen.add(e.getName().replace('\\', '/'))) {
                    throw new PackageException(where + ": entry '" + e.getName() + "' appears twice; refused");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(dest);
                    continue;
                }
                Files.createDirectories(dest.getParent());
                try (OutputStream out = Files.newOutputStream(dest)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = zis.read(buf)) > 0) {
                        total += n;
                        if (total > MAX_UNPACKED_BYTES) {
                            throw new PackageException(where + ": unpacks to more than " + MAX_UNPACKED_BYTES
                                    + " bytes; refused");
                        }
                        out.write(buf, 0, n);
                    }
                }
            }
        } catch (ZipException ex) {
            throw new PackageException(where + " is not a valid zip file: " + ex.getMessage(), ex);
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
