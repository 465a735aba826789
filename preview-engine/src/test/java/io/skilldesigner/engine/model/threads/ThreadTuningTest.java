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
            assertEquals(t.chosen(), used, "one stream runs the fastest configuration measured");
            assertEquals(1, used.batch(), "one stream has nothing to batch with");
            assertEquals(used.stages(), sessions.framesInFlight(s), "as many frames in flight as stages");
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
    void oneStreamMayChooseSeveralStagesAndTheTableSaysWhich() {
        ThreadTuning t = new ThreadTuning("k", List.of(
                new TuningEntry(new ThreadConfig(1, 1, 1), 30, 33),
                new TuningEntry(new ThreadConfig(2, 1, 1), 40, 25),
                new TuningEntry(new ThreadConfig(1, 1, 2), 50, 40)));
        assertEquals(new ThreadConfig(1, 1, 2), t.chosen(), "one stream keeps two frames in flight");
        assertEquals(new ThreadConfig(1, 1, 2), t.bestFor(4));
        assertEquals(new ThreadConfig(2, 1, 1), t.bestOneAtATime());
        String table = t.format();
        assertTrue(table.lines().anyMatch(l -> l.contains(" 2 ") && l.endsWith("1 stream, several streams")), table);

        ThreadTuning oneAtATime = new ThreadTuning("k", List.of(
                new TuningEntry(new ThreadConfig(1, 1, 1), 30, 33),
                new TuningEntry(new ThreadConfig(2, 1, 1), 60, 17),
                new TuningEntry(new ThreadConfig(1, 1, 2), 50, 40)));
        assertEquals(new ThreadConfig(2, 1, 1), oneAtATime.chosen(), "faster on all cores one at a time");
        assertTrue(oneAtATime.format().lines().anyMatch(l -> l.startsWith("2 ") && l.endsWith("1 stream, several"
                + " streams")), oneAtATime.format());
    }

    /** A tuner whose view of other processes' load and of the time is given (the measurement itself is real). */
    private ThreadTuner tuner(Path cacheFile, double othersBusy, long nowMillis) {
        return new ThreadTuner(new ThreadTuningCache(cacheFile, warnings::add), MACHINE, 30,
                () -> () -> othersBusy, () -> nowMillis);
    }

    private static final long HOUR = 60 * 60 * 1000L;

    @Test
    void aTableMeasuredWhileOthersHeldTheCoresIsMeasuredAgainAnHourLaterAndTheQuieterKept() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        String sha = ModelSessions.sha256(model());
        ThreadTuningCache cache = new ThreadTuningCache(cacheFile, warnings::add);

        ThreadTuner busy = tuner(cacheFile, 0.6, HOUR);
        busy.tuningFor(model(), sha);
        assertEquals(1, busy.measurements());
        ThreadTuning first = cache.read(MACHINE.forModel(sha)).orElseThrow();
        assertEquals(0.6, first.othersBusy(), 1e-9, "the load it was measured under is kept with it");
        assertTrue(first.disturbed());
        assertTrue(first.format().contains("60 %"), first.format());

        ThreadTuner soon = tuner(cacheFile, 0.0, HOUR + HOUR / 2);
        soon.tuningFor(model(), sha);
        assertEquals(0, soon.measurements(), "not measured again within the hour");

        ThreadTuner later = tuner(cacheFile, 0.05, 2 * HOUR + 1);
        ThreadTuning second = later.tuningFor(model(), sha);
        assertEquals(1, later.measurements(), "a disturbed table an hour old is measured again");
        assertEquals(0.05, second.othersBusy(), 1e-9);
        assertEquals(second, cache.read(MACHINE.forModel(sha)).orElseThrow(), "the quieter measurement is cached");

        ThreadTuner muchLater = tuner(cacheFile, 0.9, 100 * HOUR);
        muchLater.tuningFor(model(), sha);
        assertEquals(0, muchLater.measurements(), "an undisturbed table is trusted for good");
    }

    @Test
    void aNoisierNewMeasurementDoesNotReplaceAQuieterOne() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        String sha = ModelSessions.sha256(model());
        tuner(cacheFile, 0.3, HOUR).tuningFor(model(), sha);
        ThreadTuningCache cache = new ThreadTuningCache(cacheFile, warnings::add);
        List<TuningEntry> measured = cache.read(MACHINE.forModel(sha)).orElseThrow().table();

        ThreadTuner noisier = tuner(cacheFile, 0.8, 3 * HOUR);
        ThreadTuning kept = noisier.tuningFor(model(), sha);
        assertEquals(1, noisier.measurements());
        assertEquals(0.3, kept.othersBusy(), 1e-9, "the quieter, earlier table is kept");
        assertEquals(measured.stream().map(TuningEntry::runsPerSecond).toList(),
                kept.table().stream().map(TuningEntry::runsPerSecond).toList());
        assertEquals(3 * HOUR, cache.read(MACHINE.forModel(sha)).orElseThrow().checkedAtMillis(),
                "checked now: not measured again for another hour");
        ThreadTuner soon = tuner(cacheFile, 0.8, 3 * HOUR + HOUR / 2);
        soon.tuningFor(model(), sha);
        assertEquals(0, soon.measurements());
    }

    @Test
    void aTableFromAnEarlierVersionWithoutTheLoadIsMeasuredAgain() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        String key = MACHINE.forModel("ab".repeat(32));
        Files.writeString(cacheFile, "{\"" + key + "\": [{\"config\": {\"intraOp\": 1, \"interOp\": 1,"
                + " \"stages\": 1}, \"runsPerSecond\": 69.4, \"msPerRun\": 14.2}]}");
        ThreadTuning old = new ThreadTuningCache(cacheFile, warnings::add).read(key).orElseThrow();
        assertTrue(Double.isNaN(old.othersBusy()), "not recorded");
        assertTrue(old.format().contains("unknown"), old.format());

        ThreadTuner tuner = tuner(cacheFile, 0.1, 5 * HOUR);
        ThreadTuning now = tuner.tuningFor(model(), "ab".repeat(32));
        assertEquals(1, tuner.measurements(), "a table of unknown conditions is measured again");
        assertEquals(ThreadTuner.candidates(2).size(), now.table().size());
        assertEquals(0.1, now.othersBusy(), 1e-9);
        assertTrue(warnings.isEmpty(), warnings.toString());
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
