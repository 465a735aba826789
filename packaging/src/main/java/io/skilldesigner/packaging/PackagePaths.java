package io.skilldesigner.packaging;

import java.nio.file.Path;
import java.util.regex.Pattern;

/** Guards against entries that would land outside a package folder (zip-slip, absolute paths). */
public final class PackagePaths {
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");

    private PackagePaths() {
    }

    /**
     * Resolves a package-relative name inside {@code root}.
     *
     * @param where what the name came from, for the message (a zip file, the checksum file)
     * @throws PackageException when the name is absolute, has a drive letter or a '..' segment
     */
    public static Path resolveInside(Path root, String name, String where) throws PackageException {
        String n = name.replace('\\', '/');
        if (n.isEmpty() || n.startsWith("/") || DRIVE.matcher(n).matches()) {
            throw new PackageException(where + ": entry '" + name + "' has an absolute path; refused");
        }
        for (String seg : n.split("/")) {
            if (seg.equals("..")) {
                throw new PackageException(where + ": entry '" + name
                        + "' points outside the package ('..'); refused");
            }
        }
        Path base = root.toAbsolutePath().normalize();
        Path p = base.resolve(n).normalize();
        if (!p.startsWith(base)) {
            throw new PackageException(where + ": entry '" + name + "' points outside the package; refused");
        }
        return p;
    }
}
