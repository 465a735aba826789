package io.skilldesigner.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * {@code checksums.sha256} in the format {@code sha256sum} writes and {@code sha256sum -c} checks:
 * one {@code <64 hex>  <relative path>} line per file, '/' separators, sorted by path.
 */
public final class Checksums {
    public static final String FILE_NAME = "checksums.sha256";
    private static final Pattern LINE = Pattern.compile("^([0-9a-fA-F]{64}) [ *](.+)$");

    private Checksums() {
    }

    public static String sha256(Path file) throws IOException {
        MessageDigest md = digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(byte[] data) {
        return HexFormat.of().formatHex(digest().digest(data));
    }

    /** Every regular file under {@code root} except the checksum file, as sorted '/'-separated paths. */
    public static List<String> filesUnder(Path root) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    if (!rel.equals(FILE_NAME)) {
                        out.add(rel);
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    /** Writes the checksum file for every other file under {@code root}. */
    public static Path write(Path root) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (String rel : filesUnder(root)) {
            sb.append(sha256(root.resolve(rel))).append("  ").append(rel).append('\n');
        }
        Path file = root.resolve(FILE_NAME);
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
        return file;
    }

    /** Parses the checksum file: relative path → lower-case hex, in file order. */
    public static Map<String, String> read(Path checksumFile) throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(checksumFile, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw new PackageException(FILE_NAME + " line " + (i + 1) + ": expected '<sha256>  <path>', got '"
                        + line + "'");
            }
            out.put(m.group(2), m.group(1).toLowerCase());
        }
        return out;
    }

    /**
     * Checks that every file under {@code root} is listed with a matching checksum and every listed file exists.
     *
     * @throws PackageException naming the first file that is missing, unlisted or changed
     */
    public static void verify(Path root) throws IOException {
        Path file = root.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new PackageException("package has no " + FILE_NAME + "; it cannot be verified");
        }
        Map<String, String> expected = read(file);
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String rel = e.getKey();
            Path p = PackagePaths.resolveInside(root, rel, FILE_NAME);
            if (!Files.isRegularFile(p)) {
                throw new PackageException("file '" + rel + "' listed in " + FILE_NAME + " is missing from the package");
            }
            String actual = sha256(p);
            if (!actual.equals(e.getValue())) {
                throw new PackageException("file '" + rel + "' was modified: its SHA-256 is " + actual + " but "
                        + FILE_NAME + " says " + e.getValue());
            }
        }
        for (String rel : filesUnder(root)) {
            if (!expected.containsKey(rel)) {
                throw new PackageException("file '" + rel + "' is not listed in " + FILE_NAME
                        + " (added after export?)");
            }
        }
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
