package io.skilldesigner.app.skills;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.recording.GoldenTest;
import io.skilldesigner.engine.recording.InsightDifference;
import io.skilldesigner.engine.recording.InsightsComparer;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingReplay;
import io.skilldesigner.engine.recording.SavedTests;

/**
 * "Run tests" on a skill's card: every saved golden test of the skill ({@link SavedTests}), run as the command
 * line's {@code test} runs them. The Packages page runs the same before an export that requires them.
 */
public final class SkillTestRunner {
    private final NodeCatalog catalog;
    private final Workspace workspace;

    public SkillTestRunner(NodeCatalog catalog, Workspace workspace) {
        this.catalog = catalog;
        this.workspace = workspace;
    }

    /** @param failures one line per failed test: the recording and its first difference (or why it did not run) */
    public record Summary(int tests, int passed, List<String> failures) {
        public String badge() {
            return tests == 0 ? "no tests saved" : passed == tests ? "✔ tests " + passed + "/" + tests + " passed"
                    : "✖ " + (tests - passed) + " of " + tests + " tests failed";
        }
    }

    /** Runs every saved test of the skill (replays: call off the FX thread). */
    public Summary run(Skill skill) throws IOException {
        GoldenTest test = new GoldenTest(catalog, new RecordingReplay(catalog, workspace.modelLibrary(),
                workspace.root()), InsightsComparer.defaults());
        List<RecordingFiles> tests = SavedTests.of(workspace.root(), skill.id());
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
