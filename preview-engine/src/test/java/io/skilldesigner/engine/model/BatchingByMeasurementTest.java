package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.engine.model.threads.MachineKey;
import io.skilldesigner.engine.model.threads.ThreadConfig;
import io.skilldesigner.engine.model.threads.ThreadTuner;
import io.skilldesigner.engine.model.threads.ThreadTuning;
import io.skilldesigner.engine.model.threads.ThreadTuningCache;
import io.skilldesigner.engine.model.threads.TuningEntry;

/**
 * Whether streams sharing a model with a dynamic batch dimension batch their inputs is measured, like the threads:
 * the tuner also times batches of such a model (a real one: a dynamic-batch copy of the shared UltraFace RFB-320),
 * a session batches only when the fastest measured configuration for its streams does, and says why not otherwise.
 * The choice tests use tables written by hand, so they do not depend on this machine's speed.
 */
class BatchingByMeasurementTest {
    private static final MachineKey MACHINE = new MachineKey("Test CPU 1.0 GHz", 2);
    private static Path dynamic;
    private static Path fixed;

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @BeforeAll
    static void models() throws Exception {
        fixed = TestModels.shared().resolve("models/ultraface/version-RFB-320.onnx");
        dynamic = BatchModels.dynamicBatchCopy(fixed);
    }

    private ThreadTuner tuner(Path cacheFile) {
        return new ThreadTuner(new ThreadTuningCache(cacheFile, warnings::add), MACHINE, 30);
    }

    @Test
    void aDynamicBatchModelIsAlsoMeasuredInBatchesAFixedOneIsNot() throws Exception {
        ThreadTuner tuner = tuner(dir.resolve("onnx-threads.json"));
        ThreadTuning batched = new ThreadTuning("k", tuner.measure(dynamic));
        List<ThreadConfig> measured = batched.table().stream().map(TuningEntry::config).toList();
        assertTrue(measured.containsAll(List.of(new ThreadConfig(2, 1, 1, 2), new ThreadConfig(2, 1, 1, 4),
                new ThreadConfig(1, 1, 2, 2))), measured.toString());
        assertTrue(batched.table().stream().allMatch(e -> e.runsPerSecond() > 0 && e.msPerRun() > 0));
        assertEquals(1, batched.chosen().batch(), "one stream has nothing to batch with");
        assertTrue(batched.bestFor(4).inputsInFlight() <= 4);

        ThreadTuning single = new ThreadTuning("k", tuner.measure(fixed));
        assertFalse(single.measuredBatches(), "a fixed batch of 1 cannot be batched: " + single.format());
    }

    @Test
    void theFastestConfigurationForTheStreamsDecidesWithNoBiggerBatchesThanStreams() {
        ThreadTuning t = new ThreadTuning("k", List.of(
                new TuningEntry(new ThreadConfig(2, 1, 1), 100, 10),
                new TuningEntry(new ThreadConfig(1, 1, 2), 140, 14),
                new TuningEntry(new ThreadConfig(2, 1, 1, 2), 150, 13),
                new TuningEntry(new ThreadConfig(2, 1, 1, 4), 160, 25),
                new TuningEntry(new ThreadConfig(1, 1, 2, 2), 120, 33)));
        // one stream keeps two frames in flight on two stages; a batch needs as many streams as inputs in flight
        assertEquals(new ThreadConfig(1, 1, 2), t.bestFor(1));
        assertEquals(new ThreadConfig(2, 1, 1), t.bestOneAtATime());
        assertEquals(new ThreadConfig(2, 1, 1, 2), t.bestFor(2));
        assertEquals(new ThreadConfig(2, 1, 1, 4), t.bestFor(4));
        assertTrue(t.format().contains("batch"), t.format());
    }

    @Test
    void measuredSlowerInBatchesTheStreamsRunAloneAndTheRunnerSaysWhy() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        write(cacheFile, List.of(
                new TuningEntry(new ThreadConfig(2, 1, 1), 100, 10),
                new TuningEntry(new ThreadConfig(1, 1, 2), 140, 14),
                new TuningEntry(new ThreadConfig(2, 1, 1, 4), 120, 33),
                new TuningEntry(new ThreadConfig(1, 1, 2, 2), 110, 36)));
        ThreadTuner tuner = tuner(cacheFile);
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), tuner, 4);
             ModelRunner runner = ModelRunner.load(sessions, ModelSpec.of(dynamic, null))) {
            ModelSession s = runner.session();
            assertEquals(0, tuner.measurements(), "the cached table decides");
            assertEquals(new ThreadConfig(1, 1, 2), s.threads().orElseThrow());
            assertEquals(1, s.maxBatch());
            assertEquals("off: measured faster one input at a time (intra 1, inter 1, stages 2: 140 images/s;"
                    + " best batched, intra 2, inter 1, stages 1, batch 4: 120)", runner.batching().orElseThrow());
        }
        try (ModelSessions always = new ModelSessions(SessionSettings.defaults(), tuner, 4,
                ModelSessions.Batching.ALWAYS);
             ModelRunner runner = ModelRunner.load(always, ModelSpec.of(dynamic, null))) {
            assertEquals(4, runner.session().maxBatch(), "batching forced (bench) still batches");
            assertNull(runner.session().batchingOff());
        }
    }

    @Test
    void measuredFasterInBatchesTheStreamsBatchOnTheBatchedConfiguration() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        write(cacheFile, List.of(
                new TuningEntry(new ThreadConfig(2, 1, 1), 100, 10),
                new TuningEntry(new ThreadConfig(1, 1, 2), 120, 16),
                new TuningEntry(new ThreadConfig(2, 1, 1, 4), 160, 25),
                new TuningEntry(new ThreadConfig(1, 1, 2, 2), 110, 36)));
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), tuner(cacheFile), 4);
             ModelRunner runner = ModelRunner.load(sessions, ModelSpec.of(dynamic, null))) {
            ModelSession s = runner.session();
            assertEquals(new ThreadConfig(2, 1, 1, 4), s.threads().orElseThrow());
            assertEquals(1, s.stages(), "one batch of up to four at a time");
            assertEquals(4, s.maxBatch());
            assertTrue(runner.batching().orElseThrow().endsWith("inputs per run across streams"),
                    runner.batching().toString());
        }
    }

    @Test
    void aTableCachedBeforeBatchesWereMeasuredGetsThemOnceWhenStreamsShareTheModel() throws Exception {
        Path cacheFile = dir.resolve("onnx-threads.json");
        write(cacheFile, List.of(new TuningEntry(new ThreadConfig(2, 1, 1), 100, 10),
                new TuningEntry(new ThreadConfig(1, 1, 2), 140, 14)));
        ThreadTuner one = tuner(cacheFile);
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), one, 1)) {
            sessions.open("rfb", dynamic, false);
        }
        assertEquals(0, one.measurements(), "one stream: nothing to batch, the old table serves");

        ThreadTuner four = tuner(cacheFile);
        String sha;
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), four, 4)) {
            ModelSession s = sessions.open("rfb", dynamic, false);
            sha = s.sha256();
            assertEquals(1, four.measurements(), "the batches were measured");
            assertTrue(s.tuning().orElseThrow().measuredBatches());
            assertEquals(s.tuning().orElseThrow().bestFor(4), s.threads().orElseThrow(),
                    "the session runs the best of the completed table");
        }
        ThreadTuning cached = new ThreadTuningCache(cacheFile, warnings::add).read(MACHINE.forModel(sha))
                .orElseThrow();
        assertEquals(2 + 3, cached.table().size(), "the two old rows and three batch rows: " + cached.format());
        ThreadTuner again = tuner(cacheFile);
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(), again, 4)) {
            sessions.open("rfb", dynamic, false);
        }
        assertEquals(0, again.measurements(), "measured once, then read from the cache");
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    private void write(Path cacheFile, List<TuningEntry> rows) throws Exception {
        String sha = ModelSessions.sha256(dynamic);
        new ThreadTuningCache(cacheFile, warnings::add).write(new ThreadTuning(MACHINE.forModel(sha), rows));
    }
}
