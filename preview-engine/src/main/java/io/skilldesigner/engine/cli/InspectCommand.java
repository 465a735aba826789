package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.TensorInfo;
import io.skilldesigner.engine.model.LabelFile;
import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelInspector;
import io.skilldesigner.engine.model.ModelSessions;

/** {@code inspect}: a model's inputs, outputs and detected output layout, via the model package's inspector. */
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
        String name = model.getFileName().toString();
        try (ModelSessions sessions = new ModelSessions()) {
            ModelIo io = new ModelInspector(sessions).inspect(name, model);
            out.println("model: " + model);
            io.inputs().forEach(t -> out.println("input:  " + describe(t)));
            io.outputs().forEach(t -> out.println("output: " + describe(t)));
            out.println("layout: " + io.detectedLayout() + " (confidence " + io.layoutConfidence() + ")"
                    + (io.layoutEvidence().isEmpty() ? "" : ": " + io.layoutEvidence()));
            if (args.option("labels") != null) {
                List<String> labels = LabelFile.read(Path.of(args.option("labels")));
                out.println("labels: " + labels.size() + (labels.isEmpty() ? "" : " (first: " + labels.get(0) + ")"));
            }
            return ExitCode.OK;
        } catch (ModelException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.MODEL_FAILURE;
        }
    }

    private static String describe(TensorInfo t) {
        return t.name() + " " + t.elementType() + " " + t.shape();
    }
}
