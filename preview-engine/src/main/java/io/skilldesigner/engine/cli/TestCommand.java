package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.skilldesigner.core.workspace.ModelFiles;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.SkillBuildException;
import io.skilldesigner.engine.recording.GoldenTest;
import io.skilldesigner.engine.recording.InsightDifference;
import io.skilldesigner.engine.recording.InsightsComparer;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingReplay;
import io.skilldesigner.engine.recording.SavedTests;

/** {@code test}: replays a recording through a skill and compares the insights with a golden file. */
final class TestCommand {
    static final String USAGE = String.join(System.lineSeparator(),
            "test <skill.json> [--recording R] [--workspace dir] [--golden G.jsonl] [--update] [--json]",
            "     [--iou 0.9] [--confidence-tolerance 0.02]",
            "    replays recording R (its .mkv or .manifest.json) through the skill: every frame, unpaced, with the",
            "    recorded frame numbers and times, and compares the insights with the golden file (default",
            "    R.golden.jsonl): objects matched by label and IoU, confidences within the tolerance, attributes,",
            "    track ids, events and frame count exact. --update writes the golden file from the replay.",
            "    Without --recording: every saved test of the skill (workspace recordings/ with a golden file).",
            "    --json: machine-readable result",
            "    exit codes: 0 passed (or golden written), 6 differences (listed: frame, object, what changed),",
            "    2 usage or no golden file, 3 invalid skill, 4 recording unreadable, 5 model failure, 1 other");
    private static final int MAX_LISTED = 200;

    private final PrintStream out;
    private final PrintStream err;

    TestCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        if (argList.contains("--help")) {
            out.println(USAGE);
            return ExitCode.OK;
        }
        Args args = Args.parse(argList, Set.of("workspace", "recording", "golden", "iou", "confidence-tolerance"),
                Set.of("update", "json"));
        if (args.positional().size() != 1) {
            throw new UsageException("test needs exactly one skill file");
        }
        if (args.option("recording") == null && args.option("golden") != null) {
            throw new UsageException("--golden needs --recording");
        }
        InsightsComparer comparer;
        try {
            comparer = new InsightsComparer(decimal(args, "iou", InsightsComparer.DEFAULT_IOU),
                    decimal(args, "confidence-tolerance", InsightsComparer.DEFAULT_CONFIDENCE_TOLERANCE));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Path skillFile = Path.of(args.positional().get(0));
        Path workspace = args.option("workspace") != null ? Path.of(args.option("workspace"))
                : SourceOptions.workspaceOf(skillFile);

        NodeCatalog catalog = NodeCatalog.standard();
        Skill skill = SkillFileReader.read(skillFile, catalog, err);
        if (skill == null) {
            return ExitCode.BAD_SKILL;
        }
        ModelLibrary models;
        try {
            models = ModelFiles.discover(workspace);
        } catch (IOException e) {
            err.println("error: cannot read the models of workspace " + workspace + ": " + e.getMessage());
            return ExitCode.MODEL_FAILURE;
        }
        List<RecordingFiles> recordings;
        try {
            recordings = args.option("recording") != null
                    ? List.of(RecordingFiles.of(Path.of(args.option("recording"))))
                    : SavedTests.of(workspace, skill.id());
        } catch (IOException e) {
            err.println("error: cannot list the saved tests: " + e.getMessage());
            return ExitCode.SOURCE_FAILURE;
        }
        if (recordings.isEmpty()) {
            err.println("error: no saved tests of skill " + skill.id() + " under " + workspace.resolve(
                    SavedTests.RECORDINGS_DIR) + " (Live Preview: record, then Save as test; or give --recording)");
            return ExitCode.USAGE;
        }
        GoldenTest test = new GoldenTest(catalog, new RecordingReplay(catalog, models, workspace), comparer);
        JsonArray results = new JsonArray();
        ExitCode outcome = ExitCode.OK;
        for (RecordingFiles recording : recordings) {
            Path golden = args.option("golden") != null ? Path.of(args.option("golden")) : recording.golden();
            GoldenTest.Result result;
            try {
                result = test.run(skill, recording, golden, args.flag("update"));
            } catch (GoldenTest.NoGoldenException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.USAGE;
            } catch (SkillBuildException e) {
                err.println("error: the skill cannot run:");
                e.problems().forEach(p -> err.println("  " + p));
                return ExitCode.BAD_SKILL;
            } catch (NodeStartException e) {
                err.println("error: " + e.getMessage());
                return ModelNode.ID.equals(e.typeId()) ? ExitCode.MODEL_FAILURE : ExitCode.OTHER;
            } catch (RecordingReplay.ReplayException e) {
                err.println("error: replay of " + recording.video() + " failed: " + e.getMessage());
                return ExitCode.SOURCE_FAILURE;
            } catch (IOException e) {
                err.println("error: " + e.getMessage());
                return ExitCode.SOURCE_FAILURE;
            }
            if (result.skillChanged()) {
                err.println("note: the skill differs from the one " + recording.video().getFileName()
                        + " was made with");
            }
            if (args.flag("json")) {
                results.add(json(skill, recording, result));
            } else {
                printText(skill, recording, result);
            }
            if (!result.passed()) {
                outcome = ExitCode.TESTS_FAILED;
            }
        }
        if (args.flag("json")) {
            // one test: its result; all saved tests: an array of them
            out.println(new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create()
                    .toJson(args.option("recording") != null ? results.get(0) : results));
        }
        return outcome;
    }

    private void printText(Skill skill, RecordingFiles recording, GoldenTest.Result r) {
        String what = "test " + skill.id() + " on " + recording.video().getFileName() + ": ";
        if (r.updated()) {
            out.println(what + "golden file " + r.golden() + " written (" + r.frames() + " frames)");
        } else if (r.passed()) {
            out.println(what + "PASS (" + r.frames() + " frames match " + r.golden() + ")");
        } else {
            out.println(what + "FAIL (" + r.differences().size() + " difference"
                    + (r.differences().size() == 1 ? "" : "s") + " from " + r.golden() + ")");
            r.differences().stream().limit(MAX_LISTED).forEach(d -> out.println("  " + d.describe()));
            if (r.differences().size() > MAX_LISTED) {
                out.println("  ... and " + (r.differences().size() - MAX_LISTED) + " more (--json lists all)");
            }
        }
    }

    private static JsonObject json(Skill skill, RecordingFiles recording, GoldenTest.Result r) {
        JsonObject o = new JsonObject();
        o.addProperty("skill", skill.id());
        o.addProperty("recording", recording.video().toString());
        o.addProperty("golden", r.golden().toString());
        o.addProperty("passed", r.passed());
        o.addProperty("updated", r.updated());
        o.addProperty("frames", r.frames());
        o.addProperty("skillChanged", r.skillChanged());
        JsonArray diffs = new JsonArray();
        for (InsightDifference d : r.differences()) {
            JsonObject j = new JsonObject();
            j.addProperty("frame", d.frame());
            j.addProperty("frameId", d.frameId());
            j.addProperty("object", d.object());
            j.addProperty("what", d.what());
            j.addProperty("text", d.describe());
            diffs.add(j);
        }
        o.add("differences", diffs);
        return o;
    }

    private static double decimal(Args args, String name, double fallback) throws UsageException {
        String v = args.option(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, got '" + v + "'");
        }
    }
}
