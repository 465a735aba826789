package io.skilldesigner.app.skills;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.recording.GoldenTest;
import io.skilldesigner.engine.recording.InsightDifference;
import io.skilldesigner.engine.recording.InsightsComparer;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingManifest;
import io.skilldesigner.engine.recording.RecordingReplay;

/**
 * "Run tests" on a skill's card: every saved golden test of the skill (a recording of it under the workspace's
 * {@code recordings} folder with a golden file), run as the command line's {@code test} runs them.
 */
final class SkillTestRunner {
    static final String RECORDINGS_DIR = "recordings";

    private final NodeCatalog catalog;
    private final Workspace workspace;

    SkillTestRunner(NodeCatalog catalog, Workspace workspace) {
        this.catalog = catalog;
        this.workspace = workspace;
    }

    /** @param failures one line per failed test: the recording and its first difference (or why it did not run) */
    record Summary(int tests, int passed, List<String> failures) {
        String badge() {
            return tests == 0 ? "no tests saved" : passed == tests ? "✔ tests " + passed + "/" + tests + " passed"
                    : "✖ " + (tests - passed) + " of " + tests + " tests failed";
        }
    }

    /** The saved tests of a skill: recordings made with it that have a golden file. */
    List<RecordingFiles> testsOf(String skillId) throws IOException {
        Path dir = workspace.root().resolve(RECORDINGS_DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<RecordingFiles> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.toString().endsWith(RecordingFiles.MANIFEST_SUFFIX)).sorted().toList()) {
                RecordingFiles r = RecordingFiles.of(p);
                if (Files.isRegularFile(r.golden()) && RecordingManifest.read(p).skillId().equals(skillId)) {
                    out.add(r);
                }
            }
        }
        return out;
    }

    /** Runs every saved test of the skill (replays: call off the FX thread). */
    Summary run(Skill skill) throws IOException {
        GoldenTest test = new GoldenTest(catalog, new RecordingReplay(catalog, workspace.modelLibrary(),
                workspace.root()), InsightsComparer.defaults());
        List<RecordingFiles> tests = testsOf(skill.id());
        List<String> failures = new ArrayList<>();
        int passed = 0;
        for (RecordingFiles r : tests) {
            String name = r.video().getFileName().toString();
            try {
                GoldenTest.Result result = test.run(skill, r, r.golden(), false);
                if (result.passed()) {
                    passed++;
                } else {
                    InsightDifference first = result.differences().get(0);
                    failures.add(name + ": " + result.differences().size() + " difference(s), first: "
                            + first.describe());
                }
            } catch (Exception e) {
                failures.add(name + ": did not run: " + e.getMessage());
            }
        }
        return new Summary(tests.size(), passed, failures);
    }
}
