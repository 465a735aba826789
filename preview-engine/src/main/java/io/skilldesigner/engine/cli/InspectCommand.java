package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelInspectReport;
import io.skilldesigner.engine.model.ModelSessions;

/** {@code inspect}: the model package's inspect report (inputs, outputs, layout, labels, proposed decoder). */
final class InspectCommand {
    private final PrintStream out;
    private final PrintStream err;

    InspectCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("labels"), Set.of());
        if (args.positional().size() != 1) {
            throw new UsageException("inspect needs exactly one model file");
        }
        Path model = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(model)) {
            err.println("error: model file not found: " + model);
            return ExitCode.MODEL_FAILURE;
        }
        Path labels = args.option("labels") == null ? null : Path.of(args.option("labels"));
        try (ModelSessions sessions = new ModelSessions()) {
            out.print(new ModelInspectReport(sessions).report(model, labels));
            return ExitCode.OK;
        } catch (ModelException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.MODEL_FAILURE;
        }
    }
}
