package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.model.ModelLibrary;

/** Damaged, hostile and not-a-zip files: refused with a message that says what, before writing much. */
class PackageZipTest {
    @TempDir
    Path dir;

    private PackageException refused(Path zip) {
        Path target = dir.resolve("out");
        PackageException e = assertThrows(PackageException.class, () -> PackageZip.unzip(zip, target));
        return e;
    }

    private long bytesUnder(Path p) throws IOException {
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
    }

    private static void zip(Path zip, List<String> names, byte[] content) throws IOException {
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(os)) {
            for (String n : names) {
                zos.putNextEntry(new ZipEntry(n));
                zos.write(content);
                zos.closeEntry();
            }
        }
    }

    /** 200 MB of zeros deflate to about 200 KB: refused from the table of contents, nothing written. */
    @Test
    void zipBombIsRefusedBeforeWriting() throws IOException {
        Path zip = dir.resolve("bomb.zip");
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream zos = new ZipOutputStream(os)) {
            zos.putNextEntry(new ZipEntry("skill.json"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 200; i++) {
                zos.write(zeros);
            }
            zos.closeEntry();
        }
        assertTrue(Files.size(zip) < 1 << 20, "a small zip");
        PackageException e = refused(zip);
        assertTrue(e.getMessage().contains("'skill.json'") && e.getMessage().contains("zip bomb"), e.getMessage());
        assertEquals(0, bytesUnder(dir.resolve("out")));
    }

    /** The table of contents says 1000 bytes, the entry holds 10 MB: stops at the first byte beyond. */
    @Test
    void entryHoldingMoreThanItDeclaresStopsAtOnce() throws IOException {
        Path zip = dir.resolve("liar.zip");
        byte[] data = new byte[10 << 20];
        Arrays.fill(data, (byte) 'x');
        zip(zip, List.of("models/big.onnx"), data);
        byte[] bytes = Files.readAllBytes(zip);
        ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 46 < bytes.length; i++) {
            if (b.getInt(i) == 0x02014b50) { // central directory header: uncompressed size at +24
                b.putInt(i + 24, 1000);
            }
        }
        Files.write(zip, bytes);
        PackageException e = refused(zip);
        assertTrue(e.getMessage().contains("holds more than the 1000 bytes it declares"), e.getMessage());
        assertTrue(bytesUnder(dir.resolve("out")) <= 1000, "wrote no more than declared");
    }

    @Test
    void truncatedZipSaysSo(@TempDir Path ws) throws IOException {
        Path good = dir.resolve("good.zip");
        zip(good, List.of("skill.json", "models/a.onnx"), "some content".repeat(1000).getBytes(StandardCharsets.UTF_8));
        byte[] all = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.zip");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        PackageException e = refused(cut);
        assertTrue(e.getMessage().contains("cut.zip is truncated or damaged"), e.getMessage());
        // and through the importer, the same message
        PackageException viaImporter = assertThrows(PackageException.class, () -> new PackageImporter(
                Fixtures.catalog()).importPackage(cut, ModelLibrary.empty(), ws.resolve("models")));
        assertTrue(viaImporter.getMessage().contains("truncated"), viaImporter.getMessage());
    }

    @Test
    void notAZipSaysSo() throws IOException {
        Path txt = dir.resolve("notes.zip");
        Files.writeString(txt, "just some text, not a package\n");
        PackageException e = refused(txt);
        assertTrue(e.getMessage().contains("notes.zip is not a zip file"), e.getMessage());
    }

    @Test
    void symbolicLinkEntryIsRefused() throws IOException {
        Path zip = dir.resolve("link.zip");
        try (ZipArchiveOutputStream zos = new ZipArchiveOutputStream(zip)) {
            ZipArchiveEntry link = new ZipArchiveEntry("models");
            link.setUnixMode(UnixStat.LINK_FLAG | 0777);
            zos.putArchiveEntry(link);
            zos.write("/etc".getBytes(StandardCharsets.UTF_8));
            zos.closeArchiveEntry();
            zos.putArchiveEntry(new ZipArchiveEntry("models/x.model.json"));
            zos.write("{}".getBytes(StandardCharsets.UTF_8));
            zos.closeArchiveEntry();
        }
        PackageException e = refused(zip);
        assertTrue(e.getMessage().contains("'models' is a symbolic link"), e.getMessage());
        assertEquals(0, bytesUnder(dir.resolve("out")));
    }

    @Test
    void fileThatIsAlsoAFolderIsRefused() throws IOException {
        Path zip = dir.resolve("clash.zip");
        zip(zip, List.of("models", "models/x.model.json"), "{}".getBytes(StandardCharsets.UTF_8));
        PackageException e = refused(zip);
        assertTrue(e.getMessage().contains("'models' is both a file and the folder of 'models/x.model.json'"),
                e.getMessage());
    }
}
