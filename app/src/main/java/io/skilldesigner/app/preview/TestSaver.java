package io.skilldesigner.app.preview;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.recording.GoldenTest;
import io.skilldesigner.engine.recording.InsightsComparer;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingReplay;

/**
 * "Save as test": turns a finished recording into a golden insight test by replaying it through the skill and
 * writing the golden file beside it, exactly as the command line's {@code test --update} does.
 */
final class TestSaver {
    private final NodeCatalog catalog;
    private final Workspace workspace;

    TestSaver(NodeCatalog catalog, Workspace workspace) {
        this.catalog = catalog;
        this.workspace = workspace;
    }

    /** Runs the replay (seconds to minutes: call off the FX thread) and returns what was written. */
    GoldenTest.Result save(Skill skill, RecordingFiles recording) throws Exception {
        GoldenTest test = new GoldenTest(catalog, new RecordingReplay(catalog, workspace.modelLibrary(),
                workspace.root()), InsightsComparer.defaults());
        return test.run(skill, recording, recording.golden(), true);
    }

    /** The command that runs the saved test, for the status line and CI. */
    String command(Skill skill, RecordingFiles recording) {
        return "skill-designer test " + workspace.skillFile(skill.id()) + " --workspace " + workspace.root()
                + " --recording " + recording.video();
    }
}
