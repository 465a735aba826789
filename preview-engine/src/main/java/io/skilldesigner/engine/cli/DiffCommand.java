package io.skilldesigner.engine.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.skilldesigner.core.workspace.ModelFiles;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.diff.ModelChecksums;
import io.skilldesigner.core.diff.SkillDiff;
import io.skilldesigner.core.diff.SkillDiffer;
import io.skilldesigner.core.diff.SkillFileReader;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/** {@code diff}: what changed between two versions of a skill (skill JSON or KAN, either side), like diff(1). */
final class DiffCommand {
    static final String USAGE = String.join(System.lineSeparator(),
            "diff <a> <b> [--workspace dir] [--json] [--layout]",
            "    what changed from skill a to skill b (our .skill.json or a KAN skill .yaml/.json, either side):",
            "    nodes added/removed/renamed, settings old -> new with units, models by checksum, edges, basics,",
            "    tags. Node positions are layout-only changes, hidden unless --layout.",
            "    --workspace: where the models are (checksums); default: the workspace each file is in",
            "    --json: machine-readable output",
            "    exit codes: 0 equal (layout aside), 1 different, 2 usage, 3 a file cannot be read");

    private final PrintStream out;
    private final PrintStream err;

    DiffCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        if (argList.contains("--help")) {
            out.println(USAGE);
            return ExitCode.OK;
        }
        Args args = Args.parse(argList, Set.of("workspace"), Set.of("json", "layout"));
        if (args.positional().size() != 2) {
            throw new UsageException("diff needs exactly two skill files");
        }
        Path a = Path.of(args.positional().get(0));
        Path b = Path.of(args.positional().get(1));
        Path workspace = args.option("workspace") == null ? null : Path.of(args.option("workspace"));
        NodeCatalog catalog = NodeCatalog.standard();
        SkillFileReader reader = new SkillFileReader(catalog);
        ModelLibrary modelsA;
        ModelLibrary modelsB;
        Skill skillA;
        Skill skillB;
        try {
            modelsA = ModelFiles.discover(workspace != null ? workspace : workspaceOf(a));
            modelsB = ModelFiles.discover(workspace != null ? workspace : workspaceOf(b));
            skillA = reader.read(a, modelsA);
            skillB = reader.read(b, modelsB);
        } catch (IOException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.BAD_SKILL;
        }
        SkillDiff diff = new SkillDiffer(catalog).diff(skillA, skillB, ModelChecksums.of(modelsA),
                ModelChecksums.of(modelsB));
        boolean layout = args.flag("layout");
        out.print(args.flag("json") ? diff.toJson(layout) + System.lineSeparator() : diff.toText(layout));
        out.flush();
        return diff.isEqual() ? ExitCode.OK : ExitCode.DIFFERENT;
    }

    /** A file in a workspace's skills folder belongs to that workspace; any other file to its own folder. */
    private static Path workspaceOf(Path skillFile) {
        Path dir = skillFile.toAbsolutePath().getParent();
        if (dir.getFileName() != null && dir.getFileName().toString().equals(Workspace.SKILLS_DIR)
                && Files.isDirectory(dir.getParent().resolve(Workspace.MODELS_DIR))) {
            return dir.getParent();
        }
        return dir;
    }
}
