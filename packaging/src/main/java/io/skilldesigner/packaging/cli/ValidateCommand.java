package io.skilldesigner.packaging.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.engine.cli.Args;
import io.skilldesigner.engine.cli.ExitCode;
import io.skilldesigner.engine.cli.UsageException;
import io.skilldesigner.packaging.ModelStartCheck;

/**
 * {@code validate}: every problem of a skill against the catalog and the workspace's models, as the app checks, and
 * every model the engine would refuse to open at the skill's start (as export checks).
 */
final class ValidateCommand {
    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("workspace"), Set.of("json"));
        if (args.positional().size() != 1) {
            throw new UsageException("validate needs exactly one skill file");
        }
        Path file = Path.of(args.positional().get(0));
        NodeCatalog catalog = NodeCatalog.standard();
        SkillInput in = SkillInput.read(catalog, file, args.option("workspace"), err);
        if (in == null) {
            return ExitCode.BAD_SKILL;
        }
        List<Problem> problems = new ArrayList<>(new SkillValidator(catalog, in.models()).validate(in.skill()));
        // What the device's engine would refuse at the skill's start (export refuses the same).
        problems.addAll(ModelStartCheck.problems(ModelStartCheck.modelReferences(catalog, in.skill()), in.models()));
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        if (args.flag("json")) {
            out.println(json(file, problems, errors, warnings));
        } else {
            problems.forEach(p -> out.println(p));
            out.println(file + ": " + (errors == 0 ? "valid" : errors + " error(s)") + ", " + warnings
                    + " warning(s)");
        }
        return errors == 0 ? ExitCode.OK : ExitCode.BAD_SKILL;
    }

    /** For CI: {"file", "valid", "errors", "warnings", "problems": [{"severity", "node", "setting", "message"}]}. */
    private static String json(Path file, List<Problem> problems, long errors, long warnings) {
        JsonObject o = new JsonObject();
        o.addProperty("file", file.toString());
        o.addProperty("valid", errors == 0);
        o.addProperty("errors", errors);
        o.addProperty("warnings", warnings);
        JsonArray list = new JsonArray();
        for (Problem p : problems) {
            JsonObject j = new JsonObject();
            j.addProperty("severity", p.severity().name());
            j.addProperty("node", p.nodeId());
            j.addProperty("setting", p.setting());
            j.addProperty("message", p.message());
            list.add(j);
        }
        o.add("problems", list);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
    }
}
