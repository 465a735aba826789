package io.skilldesigner.engine.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.SkillBuildException;

/**
 * A golden insight test of a skill: replay a recording through it and compare the insights with the golden file
 * (or, with {@code update}, write the golden file from the replay).
 */
public final class GoldenTest {
    private final NodeCatalog catalog;
    private final RecordingReplay replay;
    private final InsightsComparer comparer;

    public GoldenTest(NodeCatalog catalog, RecordingReplay replay, InsightsComparer comparer) {
        this.catalog = catalog;
        this.replay = replay;
        this.comparer = comparer;
    }

    /**
     * @param skillChanged the skill differs from the one the recording was made with (its manifest's checksum)
     * @param updated      the golden file was (re)written from this replay
     */
    public record Result(Path golden, int frames, boolean updated, boolean skillChanged,
                         List<InsightDifference> differences) {
        public boolean passed() {
            return differences.isEmpty();
        }
    }

    /** The golden file is missing and no update was asked for. */
    public static final class NoGoldenException extends Exception {
        private static final long serialVersionUID = 1L;

        NoGoldenException(Path golden) {
            super("golden file not found: " + golden + " (run with --update to create it from the recording)");
        }
    }

    public Result run(Skill skill, RecordingFiles recording, Path golden, boolean update) throws IOException,
            SkillBuildException, NodeStartException, RecordingReplay.ReplayException, NoGoldenException {
        if (!update && !Files.isRegularFile(golden)) {
            throw new NoGoldenException(golden);
        }
        boolean skillChanged = Files.isRegularFile(recording.manifest())
                && !RecordingManifest.read(recording.manifest()).skillSha256().equals(SkillChecksum.of(catalog, skill));
        List<String> lines = replay.run(skill, recording);
        if (update) {
            String text = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
            AtomicFileWriter.write(golden, out -> out.write(text.getBytes(StandardCharsets.UTF_8)), false);
            return new Result(golden, lines.size(), true, skillChanged, List.of());
        }
        List<InsightFrame> expected = read(golden, Files.readAllLines(golden, StandardCharsets.UTF_8));
        List<InsightFrame> actual = read(recording.video(), lines);
        return new Result(golden, actual.size(), false, skillChanged, comparer.compare(expected, actual));
    }

    private static List<InsightFrame> read(Path source, List<String> lines) throws IOException {
        List<InsightFrame> frames = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            try {
                frames.add(InsightFrame.parse(lines.get(i)));
            } catch (IllegalArgumentException e) {
                throw new IOException(source + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return frames;
    }
}
