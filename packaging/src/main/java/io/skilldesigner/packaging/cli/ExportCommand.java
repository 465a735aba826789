package io.skilldesigner.packaging.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.engine.cli.Args;
import io.skilldesigner.engine.cli.ExitCode;
import io.skilldesigner.engine.cli.Main;
import io.skilldesigner.engine.cli.UsageException;
import io.skilldesigner.packaging.Architecture;
import io.skilldesigner.packaging.EdgePackageExporter;
import io.skilldesigner.packaging.ExportResult;
import io.skilldesigner.packaging.PackageException;
import io.skilldesigner.packaging.RuntimeDistribution;

/**
 * {@code export}: the edge package of a skill, by the app's exporter; secrets to set and warnings listed. With
 * {@code --require-tests} the skill's saved golden tests run first (the {@code test} command, unchanged) and a
 * failing one refuses the export before anything is written.
 */
final class ExportCommand {
    private final PrintStream out;
    private final PrintStream err;

    ExportCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    ExitCode execute(List<String> argList) throws UsageException {
        Args args = Args.parse(argList, Set.of("workspace", "out", "arch"), Set.of("zip", "no-runtime",
                "require-tests"));
        if (args.positional().size() != 1) {
            throw new UsageException("export needs exactly one skill file");
        }
        if (args.option("out") == null) {
            throw new UsageException("export needs --out <package folder>");
        }
        Set<Architecture> archs = architectures(args.option("arch"));
        Path folder = Path.of(args.option("out")).toAbsolutePath().normalize();
        Path zip = args.flag("zip") ? folder.resolveSibling(folder.getFileName() + ".zip") : null;
        NodeCatalog catalog = NodeCatalog.standard();
        SkillInput in = SkillInput.read(catalog, Path.of(args.positional().get(0)), args.option("workspace"), err);
        if (in == null) {
            return ExitCode.BAD_SKILL;
        }
        List<Problem> errors = new SkillValidator(catalog, in.models()).validate(in.skill()).stream()
                .filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            err.println("error: the skill is not valid; fix before exporting:");
            errors.forEach(p -> err.println("  " + p));
            return ExitCode.BAD_SKILL;
        }
        if (args.flag("require-tests")) {
            ExitCode tests = savedTests(args.positional().get(0), in);
            if (tests != ExitCode.OK) {
                return tests;
            }
        }
        ExportResult r;
        try {
            RuntimeDistribution runtime = null;
            if (!args.flag("no-runtime")) {
                runtime = RuntimeDistribution.find().orElse(null);
                if (runtime == null) {
                    err.println("error: no runtime distribution to include (no " + RuntimeDistribution.FOLDER
                            + "/ beside the program and system property " + RuntimeDistribution.PROPERTY
                            + " not set): use --no-runtime when the runtime images are already in your registry");
                    return ExitCode.OTHER;
                }
                err.println("runtime: " + megabytes(runtime.estimatedBytes(archs)) + " for "
                        + archs.stream().map(Architecture::id).toList() + " (--no-runtime leaves it out)");
            }
            r = new EdgePackageExporter(catalog).export(in.skill(), in.models(), folder, zip, archs, in.workspace(),
                    runtime);
        } catch (PackageException e) {
            err.println("error: " + e.getMessage());
            return ExitCode.OTHER;
        } catch (IOException e) {
            err.println("error: export to " + folder + " failed: " + e.getMessage());
            return ExitCode.OTHER;
        }
        out.println("package: " + r.folder() + " (" + r.files().size() + " files, "
                + megabytes(sizeOf(r.folder())) + ")");
        if (r.zip() != null) {
            out.println("zip: " + r.zip());
        }
        r.secrets().forEach(s -> out.println("secret to set on the device: " + s));
        r.warnings().forEach(w -> err.println("warning: " + w));
        return ExitCode.OK;
    }

    /**
     * Runs every saved test of the skill with the engine's {@code test} command (its report goes to out, the
     * differences included); anything but a pass refuses the export with the test's exit code.
     */
    private ExitCode savedTests(String skillFile, SkillInput in) {
        int code = new Main(out, err).run("test", skillFile, "--workspace", in.workspace().toString());
        if (code == ExitCode.OK.code()) {
            return ExitCode.OK;
        }
        ExitCode result = code == ExitCode.TESTS_FAILED.code() ? ExitCode.TESTS_FAILED
                : java.util.Arrays.stream(ExitCode.values()).filter(c -> c.code() == code).findFirst()
                        .orElse(ExitCode.OTHER);
        err.println("error: export of skill " + in.skill().id() + " refused (--require-tests): "
                + (result == ExitCode.TESTS_FAILED ? "a saved test failed (the differences are listed above)"
                        : "its saved tests could not run (see above)") + "; nothing was written");
        return result;
    }

    private static String megabytes(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    private static long sizeOf(Path folder) {
        try (java.util.stream.Stream<Path> s = java.nio.file.Files.walk(folder)) {
            return s.filter(java.nio.file.Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<Architecture> architectures(String option) throws UsageException {
        if (option == null) {
            return EnumSet.allOf(Architecture.class);
        }
        Set<Architecture> out = EnumSet.noneOf(Architecture.class);
        for (String name : option.split(",")) {
            try {
                out.add(Architecture.parse(name.trim()));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--arch: " + e.getMessage());
            }
        }
        return out;
    }
}
