package io.skilldesigner.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * One jar of the runtime distribution as it goes into a package: copied as is, packed from a build's classes
 * folder (a reactor build of the engine), or copied keeping only one architecture's natives of a jar that holds
 * several (ONNX Runtime's one jar carries Linux x64 and aarch64, macOS and Windows libraries; gRPC's shaded Netty
 * its TLS and epoll libraries for x86-64 and aarch64). A native library is recognised by its name and judged by
 * its header: kept only when it is an ELF object for the architecture's machine.
 *
 * @param source the jar, or the classes folder
 * @param target path under the package's {@code runtime/lib/}, e.g. {@code amd64/onnxruntime-1.29.0.jar}
 * @param keep   for a multi-platform jar, the architecture whose natives are kept; else null (copied as is)
 */
record RuntimeJar(Path source, String target, Architecture keep) {
    private static final java.util.regex.Pattern NATIVE = java.util.regex.Pattern.compile(
            ".*\\.(so|dll|dylib|jnilib)$|.*\\.so\\.[0-9.]+$");
    /** Fixed entry time: the same build gives the same jar bytes. */
    private static final FileTime EPOCH = FileTime.fromMillis(315532800000L);

    static RuntimeJar copy(Path jar, String target) {
        return new RuntimeJar(jar, target, null);
    }

    static RuntimeJar keepingNativesOf(Path jar, String target, Architecture arch) {
        return new RuntimeJar(jar, target, arch);
    }

    /** Bytes this jar will take (a classes folder: its files' size, an upper bound of the packed jar). */
    long estimatedBytes() throws IOException {
        if (Files.isDirectory(source)) {
            try (Stream<Path> s = Files.walk(source)) {
                long total = 0;
                for (Path p : (Iterable<Path>) s::iterator) {
                    total += Files.isRegularFile(p) ? Files.size(p) : 0;
                }
                return total;
            }
        }
        if (keep == null) {
            return Files.size(source);
        }
        long total = 0;
        try (ZipFile z = new ZipFile(source.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                total += kept(z, e) ? Math.max(0, e.getCompressedSize()) : 0;
            }
        }
        return total;
    }

    void writeUnder(Path lib) throws IOException {
        Path out = lib.resolve(target);
        Files.createDirectories(out.getParent());
        if (Files.isDirectory(source)) {
            packFolder(out);
        } else if (keep == null) {
            Files.copy(source, out, StandardCopyOption.REPLACE_EXISTING);
        } else {
            copyKept(out);
        }
    }

    /** ELF machines of the native libraries in a jar (-1 for one that is not ELF: macOS, Windows); empty: none. */
    static java.util.Set<Integer> nativeMachines(Path jar) throws IOException {
        java.util.Set<Integer> out = new java.util.TreeSet<>();
        try (ZipFile z = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (!e.isDirectory() && NATIVE.matcher(e.getName()).matches()) {
                    out.add(elfMachine(z, e));
                }
            }
        }
        return out;
    }

    private boolean kept(ZipFile z, ZipEntry e) throws IOException {
        return e.isDirectory() || !NATIVE.matcher(e.getName()).matches() || elfMachine(z, e) == keep.elfMachine();
    }

    /** e_machine of an ELF entry (little-endian, at byte 18), or -1 when the entry is not ELF. */
    static int elfMachine(ZipFile z, ZipEntry e) throws IOException {
        try (InputStream in = z.getInputStream(e)) {
            byte[] h = in.readNBytes(20);
            if (h.length < 20 || h[0] != 0x7F || h[1] != 'E' || h[2] != 'L' || h[3] != 'F') {
                return -1;
            }
            return (h[18] & 0xFF) | (h[19] & 0xFF) << 8;
        }
    }

    private void copyKept(Path out) throws IOException {
        try (ZipFile z = new ZipFile(source.toFile());
             ZipOutputStream zos = new ZipOutputStream(Files.newOutputStream(out))) {
            for (Enumeration<? extends ZipEntry> en = z.entries(); en.hasMoreElements(); ) {
                ZipEntry e = en.nextElement();
                if (!kept(z, e)) {
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setLastModifiedTime(EPOCH);
                zos.putNextEntry(copy);
                try (InputStream in = z.getInputStream(e)) {
                    in.transferTo(zos);
                }
                zos.closeEntry();
            }
        }
    }

    private void packFolder(Path out) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(source)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(out); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (Path f : files) {
                ZipEntry e = new ZipEntry(source.relativize(f).toString().replace('\\', '/'));
                e.setLastModifiedTime(EPOCH);
                zos.putNextEntry(e);
                Files.copy(f, zos);
                zos.closeEntry();
            }
        }
    }
}
