package io.skilldesigner.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.engine.source.SourceSpec;

/**
 * Command-line options of the desktop app.
 *
 * @param workspace     workspace folder (created with the demo content on first start)
 * @param smokeTest     start, show the main window, then exit 0 (used by the installer test)
 * @param screenshotDir when set, save a PNG of every page there and exit
 * @param extraSources  {@code --add-source}: the Live Preview runs these too, one stream each, beside the picked
 *                      source (as {@code run --source}; files loop as a picked file does)
 */
public record AppOptions(Path workspace, boolean smokeTest, Path screenshotDir, List<SourceSpec> extraSources) {
    public AppOptions {
        extraSources = List.copyOf(extraSources);
    }

    public static Path defaultWorkspace() {
        return Path.of(System.getProperty("user.home"), "SkillDesigner", "workspace");
    }

    public static AppOptions parse(List<String> args) {
        Path workspace = defaultWorkspace();
        boolean smoke = false;
        Path shots = null;
        List<SourceSpec> extra = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--workspace" -> workspace = Path.of(value(args, ++i, a));
                case "--smoke-test" -> smoke = true;
                case "--screenshots" -> shots = Path.of(value(args, ++i, a));
                case "--add-source" -> {
                    SourceSpec s = SourceSpec.parse(value(args, ++i, a));
                    extra.add(s.kind() == SourceSpec.Kind.FILE ? s.withLoop(true) : s);
                }
                default -> {
                    if (a.endsWith(".skill.json")) {
                        // file association: opening a skill file starts in its workspace
                        Path p = Path.of(a).toAbsolutePath();
                        Path parent = p.getParent();
                        workspace = parent != null && parent.getFileName() != null
                                && parent.getFileName().toString().equals("skills") ? parent.getParent() : parent;
                    } else {
                        throw new IllegalArgumentException("unknown option '" + a
                                + "'; use --workspace DIR, --smoke-test, --screenshots DIR, --add-source SOURCE");
                    }
                }
            }
        }
        return new AppOptions(workspace, smoke, shots, extra);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }
}
