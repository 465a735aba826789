package io.skilldesigner.engine.model.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.engine.model.ModelSession;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.SessionSettings;

/**
 * Thread tuning's behaviour with a real model (UltraFace 320 from ../shared/models): measured once, cached per
 * model content and machine, read back without measuring, overridden by explicit counts, and a corrupt cache
 * ignored with a warning. No timing is asserted.
 */
class ThreadTuningTest {
    private static final MachineKey MACHINE = new MachineKey("Test CPU 1.0 GHz", 2);

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private static Path model() {
        String prop = System.getProperty("sd.shared.dir");
        Path shared = prop != null ? Path.of(prop) : Path.of("../shared");
        if (!Files.isDirectory(shared)) {
            shared = Path.of("../../shared");
        }
        return shared.resolve("models/ultraface/version-RFB-320.onnx").toAbsolutePath().normalize();
    }

    private ThreadTuner tuner(Path cacheFile, MachineKey machine) {
        return new ThreadTuner(new ThreadTuningCache(cacheFile, warnings::add), machine, 30);
    }

    @Test
    void measuresOnceWritesTheCacheAndTheNextSessionReadsIt() throws Exception {
        Path cacheFile = dir.resolve("cache/onnx-threads.json");
        ThreadTuner first = tuner(cacheFile, MACHINE);
        ThreadConfig used;
        String sha;
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), first, 1)) {
            ModelSession s = sessions.open("ultraface", model(), false);
            sha = s.sha256();
            assertEquals(1, first.measurements(), "measured at session start");
            assertTrue(s.tuning().isPresent(), "the session keeps the table it was chosen from");
            ThreadTuning t = s.tuning().get();
            assertEquals(ThreadTuner.candidates(2).size(), t.table().size(), "every candidate measured");
            assertTrue(t.table().stream().allMatch(e -> e.runsPerSecond() > 0 && e.msPerRun() > 0));
            used = s.threads().orElseThrow();
            assertEquals(t.chosen(), used, "one stream runs the best single-stage configuration");
            assertEquals(1, used.stages());
        }
        assertTrue(Files.isRegularFile(cacheFile), "cache written in the given folder");
        String text = Files.readString(cacheFile);
        assertTrue(text.contains(sha + "|Test CPU 1.0 GHz|2"), "keyed by model checksum, CPU and cores: " + text);

        ThreadTuner second = tuner(cacheFile, MACHINE);
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), second, 1)) {
            ModelSession s = sessions.open("ultraface", model(), false);
            assertEquals(0, second.measurements(), "read from the cache, not measured again");
            assertEquals(used, s.threads().orElseThrow());
        }
        assertTrue(warnings.isEmpty(), "no warnings: " + warnings);
    }

    @Test
    void anotherMachineOrCoreCountMeasuresAgainAndKeepsBothEntries() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        ThreadTuner two = tuner(cacheFile, MACHINE);
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), two, 1)) {
            sessions.open("ultraface", model(), false);
        }
        ThreadTuner one = tuner(cacheFile, new MachineKey("Test CPU 1.0 GHz", 1));
        String sha;
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), one, 1)) {
            ModelSession s = sessions.open("ultraface", model(), false);
            sha = s.sha256();
            assertEquals(1, one.measurements(), "a different core count is a different key");
            assertEquals(new ThreadConfig(1, 1, 1), s.threads().orElseThrow(), "one core: one candidate");
        }
        ThreadTuningCache cache = new ThreadTuningCache(cacheFile, warnings::add);
        assertTrue(cache.read(MACHINE.forModel(sha)).isPresent());
        assertTrue(cache.read(new MachineKey("Test CPU 1.0 GHz", 1).forModel(sha)).isPresent());
        assertFalse(cache.read(new MachineKey("Other CPU", 2).forModel(sha)).isPresent());
        assertFalse(cache.read(MACHINE.forModel("0".repeat(64))).isPresent(), "another model content misses");
    }

    @Test
    void explicitThreadsOverrideTheTuner() throws Exception {
        ThreadTuner tuner = tuner(dir.resolve("onnx-threads.json"), MACHINE);
        try (ModelSessions sessions = new ModelSessions(new SessionSettings(1, 1, 3), tuner, 4)) {
            ModelSession s = sessions.open("ultraface", model(), false);
            assertEquals(new ThreadConfig(1, 1, 3), s.threads().orElseThrow());
            assertEquals(3, s.stages());
            assertFalse(s.tuning().isPresent());
        }
        assertEquals(0, tuner.measurements(), "an override measures nothing");
        assertFalse(Files.exists(dir.resolve("onnx-threads.json")), "and writes no cache");
    }

    @Test
    void aCachedChoiceIsOverriddenToo() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), tuner(cacheFile, MACHINE), 1)) {
            sessions.open("ultraface", model(), false);
        }
        try (ModelSessions sessions = new ModelSessions(SessionSettings.parse("2"), tuner(cacheFile, MACHINE), 1)) {
            assertEquals(new ThreadConfig(2, 1, 1), sessions.open("ultraface", model(), false).threads().orElseThrow());
        }
    }

    @Test
    void aCorruptCacheIsIgnoredWithAWarningAndReplaced() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        for (String corrupt : List.of("{ not json", "[1, 2, 3]",
                "{\"k\": [{\"config\": {\"intraOp\": 0, \"interOp\": 1, \"stages\": 1}, \"runsPerSecond\": 5,"
                        + " \"msPerRun\": 2}]}")) {
            Files.writeString(cacheFile, corrupt);
            warnings.clear();
            ThreadTuner tuner = tuner(cacheFile, MACHINE);
            try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), tuner, 1)) {
                ModelSession s = sessions.open("ultraface", model(), false);
                assertTrue(s.threads().isPresent(), "the session still opens, tuned");
            }
            assertEquals(1, tuner.measurements(), "measured again instead of trusting " + corrupt);
            assertFalse(warnings.isEmpty(), "a warning for " + corrupt);
            assertTrue(warnings.get(0).contains("corrupt") && warnings.get(0).contains(cacheFile.toString()),
                    "the warning says what and where: " + warnings.get(0));
            assertNotEquals(corrupt, Files.readString(cacheFile), "replaced by a valid cache");
            assertEquals(1, new ThreadTuningCache(cacheFile, warnings::add).read(MACHINE.forModel(
                    ModelSessions.sha256(model()))).stream().count());
        }
    }

    @Test
    void severalStreamsMayChooseSeveralStagesAndTheTableSaysWhich() {
        ThreadTuning t = new ThreadTuning("k", List.of(
                new TuningEntry(new ThreadConfig(1, 1, 1), 30, 33),
                new TuningEntry(new ThreadConfig(2, 1, 1), 40, 25),
                new TuningEntry(new ThreadConfig(1, 1, 2), 50, 40)));
        assertEquals(new ThreadConfig(2, 1, 1), t.chosen());
        assertEquals(new ThreadConfig(1, 1, 2), t.bestFor(4));
        String table = t.format();
        assertTrue(table.lines().anyMatch(l -> l.startsWith("2 ") && l.endsWith("1 stream")), table);
        assertTrue(table.lines().anyMatch(l -> l.contains(" 2 ") && l.endsWith("several streams")), table);
    }

    @Test
    void candidatesNeverUseMoreThreadsThanCores() {
        for (int cores : new int[] {1, 2, 3, 8, 16}) {
            for (ThreadConfig c : ThreadTuner.candidates(cores)) {
                assertTrue(c.intraOp() * c.stages() <= cores, cores + " cores: " + c);
            }
            assertTrue(ThreadTuner.candidates(cores).contains(new ThreadConfig(cores, 1, 1)), "all cores tried");
        }
    }
}
