package io.skilldesigner.packaging.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

import io.skilldesigner.engine.cli.ExitCode;
import io.skilldesigner.engine.cli.Main;
import io.skilldesigner.engine.cli.UsageException;

/**
 * The one headless program ({@code bin/skill-designer}, the installed launcher's {@code skill-designer-cli}):
 * {@code validate} and {@code export} here, where the package exporter is; {@code run}, {@code inspect} and
 * {@code bench} are the engine's commands ({@link Main}), passed on unchanged. Exit codes: {@link ExitCode}.
 */
public final class SkillDesignerCli {
    static final String USAGE = String.join(System.lineSeparator(),
            "usage: skill-designer <command> ...",
            "  validate <skill.json> [--workspace dir] [--json]",
            "      every problem of the skill (errors and warnings), and every model the engine would not open at",
            "      the skill's start (export refuses the same); exit 3 when it has errors; --json: for CI",
            "  export <skill.json> --out dir [--workspace dir] [--arch amd64,arm64] [--zip] [--no-runtime]",
            "         [--require-tests]",
            "      the edge deployment package (same exporter as the app); --zip also writes dir.zip;",
            "      it carries the runtime (engine jars, natives per architecture) unless --no-runtime;",
            "      --require-tests runs the skill's saved tests first and refuses when one fails (exit 6, the",
            "      differences listed) or none can run (exit 2 when the skill has no saved test)",
            Main.USAGE.replaceFirst("^usage:" + System.lineSeparator(), ""));

    private final PrintStream out;
    private final PrintStream err;

    public SkillDesignerCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new SkillDesignerCli(System.out, System.err).run(args));
    }

    /** Runs a command and returns its exit code; never exits the JVM itself (tests call this). */
    public int run(String... args) {
        List<String> list = Arrays.asList(args);
        String command = list.isEmpty() ? "" : list.get(0);
        List<String> rest = list.isEmpty() ? List.of() : list.subList(1, list.size());
        try {
            return switch (command) {
                case "validate" -> new ValidateCommand(out, err).execute(rest).code();
                case "export" -> new ExportCommand(out, err).execute(rest).code();
                case "", "help", "--help", "-h" -> {
                    (command.isEmpty() ? err : out).println(USAGE);
                    yield command.isEmpty() ? ExitCode.USAGE.code() : ExitCode.OK.code();
                }
                default -> new Main(out, err).run(args);
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return ExitCode.USAGE.code();
        }
    }
}
