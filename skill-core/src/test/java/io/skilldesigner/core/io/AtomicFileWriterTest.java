package io.skilldesigner.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesAndKeepsOneBackupOfThePreviousFile() throws Exception {
        Path f = dir.resolve("a.skill.json");
        AtomicFileWriter.write(f, bytes("one"));
        assertEquals("one", Files.readString(f));
        assertFalse(Files.exists(AtomicFileWriter.backupOf(f)), "nothing to back up the first time");
        AtomicFileWriter.write(f, bytes("two"));
        AtomicFileWriter.write(f, bytes("three"));
        assertEquals("three", Files.readString(f));
        assertEquals("two", Files.readString(dir.resolve("a.skill.json.bak")));
        assertEquals(List.of("a.skill.json", "a.skill.json.bak"), names(), "one backup, no temp files");
    }

    @Test
    void aWriterThatFailsMidStreamNeverReplacesTheGoodFile() throws Exception {
        Path f = dir.resolve("a.skill.json");
        AtomicFileWriter.write(f, bytes("good v1"));
        AtomicFileWriter.write(f, bytes("good v2"));
        IOException e = assertThrows(IOException.class, () -> AtomicFileWriter.write(f, out -> {
            out.write(bytes("partial new cont"));
            out.flush();
            throw new IOException("disk full");
        }));
        assertEquals("disk full", e.getMessage());
        assertEquals("good v2", Files.readString(f));
        assertEquals("good v1", Files.readString(AtomicFileWriter.backupOf(f)), "backup untouched too");
        assertEquals(List.of("a.skill.json", "a.skill.json.bak"), names(), "the partial temp file is gone");
        RuntimeException r = assertThrows(RuntimeException.class, () -> AtomicFileWriter.write(f, out -> {
            out.write(bytes("x"));
            throw new IllegalStateException("bug in a serializer");
        }));
        assertEquals("bug in a serializer", r.getMessage());
        assertEquals("good v2", Files.readString(f));
    }

    @Test
    void noBackupWhenAskedSoTheLastGoodBackupSurvives() throws Exception {
        Path f = dir.resolve("m.model.json");
        AtomicFileWriter.write(f, bytes("good"));
        AtomicFileWriter.write(f, bytes("corrupt"));
        AtomicFileWriter.write(f, out -> out.write(bytes("fixed")), false);
        assertEquals("fixed", Files.readString(f));
        assertEquals("good", Files.readString(AtomicFileWriter.backupOf(f)));
    }

    /** Run in a child JVM: starts a save, says so after half the content, then waits to be killed. */
    public static final class HalfWriter {
        public static void main(String[] args) throws Exception {
            Path target = Path.of(args[0]);
            AtomicFileWriter.write(target, out -> {
                out.write(bytes("{\"half\": "));
                out.flush();
                System.out.println("HALF");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                out.write(bytes("true}"));
            });
        }
    }

    @Test
    void aProcessKilledMidSaveLeavesTheGoodFileAndTheNextSaveCleansUp() throws Exception {
        Path f = dir.resolve("demo.skill.json");
        AtomicFileWriter.write(f, bytes("{\"good\": 1}"));
        AtomicFileWriter.write(f, bytes("{\"good\": 2}"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HalfWriter.class.getName(), f.toString()).redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("HALF", r.readLine());
            p.destroyForcibly(); // SIGKILL: no finally blocks, no shutdown hooks, as in a crash
            assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        } finally {
            p.destroyForcibly();
        }
        assertEquals("{\"good\": 2}", Files.readString(f), "the crash did not touch the file");
        assertEquals("{\"good\": 1}", Files.readString(AtomicFileWriter.backupOf(f)));
        List<String> afterCrash = names();
        assertEquals(3, afterCrash.size(), "the crash left its temp file: " + afterCrash);
        Path leftover = dir.resolve(afterCrash.stream().filter(n -> n.endsWith(".tmp")).findFirst().orElseThrow());
        assertTrue(AtomicFileWriter.isTemporary(leftover));
        assertArrayEquals(bytes("{\"half\": "), Files.readAllBytes(leftover));

        // a leftover of a different file is not ours to delete
        Path other = dir.resolve(".demo.skill.json.x.00000000-0000-0000-0000-000000000000.tmp");
        Files.writeString(other, "someone else's");

        AtomicFileWriter.write(f, bytes("{\"good\": 3}"));
        assertEquals("{\"good\": 3}", Files.readString(f));
        assertEquals("{\"good\": 2}", Files.readString(AtomicFileWriter.backupOf(f)));
        assertEquals(List.of(other.getFileName().toString(), "demo.skill.json", "demo.skill.json.bak"), names(),
                "the crash's temp file was cleaned up");
    }
}
