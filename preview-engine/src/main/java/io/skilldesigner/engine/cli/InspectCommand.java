package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import io.skilldesigner.engine.model.ModelException;
import io.skilldesigner.engine.model.ModelInspectReport;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelSpec;
import io.skilldesigner.engine.model.ModelTryOut;
import io.skilldesigner.engine.model.TryOutResult;
import io.skilldesigner.engine.model.UnsupportedModelException;

/**
 * {@code inspect [--labels FILE] [--image FILE] MODEL}: inputs, outputs, the recognised layout with its evidence
 * (probed on the project's images and the given one), where the class names come from, the proposed decoder.
 * A model whose outputs no layout decodes: "not supported: why; supported layouts: ..." and exit code 5.
 */
final class InspectCommand {
    private final PrintStream out;
    private final PrintStream err;

    /** Classes a classifier's try-out lists, as the Models page does. */
    private static final int TOP_CLASSES = 5;

    InspectCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("labels", "image"), Set.of());
        if (args.positional().size() != 1) {
            throw new UsageException("inspect needs exactly one model file");
        }
        Path model = Path.of(args.positional().get(0));
        if (!Files.isRegularFile(model)) {
            err.println("error: model file not found: " + model);
            return ExitCode.MODEL_FAILURE;
        }
        Path labels = args.option("labels") == null ? null : Path.of(args.option("labels"));
        Path image = args.option("image") == null ? null : Path.of(args.option("image"));
        try (ModelSessions sessions = new ModelSessions()) {
            ModelInspectReport.Inspection inspection = new ModelInspectReport(sessions).inspect(model, labels, image);
            out.print(inspection.text());
            if (image != null) {
                printTryOut(new ModelTryOut(sessions).run(ModelSpec.of(model, labels)
                        .withDecoder(inspection.proposed()), image, TOP_CLASSES), image);
            }
            return ExitCode.OK;
        } catch (UnsupportedModelException e) {
            err.println(e.getMessage());
            return ExitCode.MODEL_FAILURE;
        } catch (ModelException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.MODEL_FAILURE;
        }
    }

    /** What the model found on the image with the proposed decoder: the app's "try on an image", in text. */
    private void printTryOut(TryOutResult r, Path image) {
        out.println("On " + image + " (" + r.imageWidth() + "x" + r.imageHeight() + ") with the proposed decoder: "
                + r.summary());
        r.details().forEach(line -> out.println("  " + line));
    }
}
