package io.skilldesigner.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start to first window: launches the real app JVM ({@code Launcher --smoke-test}) again and again, on a
 * fresh workspace (first start: the demo video and models are created) and on an existing one, interleaved so
 * that load from other processes hits both alike. Reports the app's own "first window after N ms from JVM
 * start" and the wall time of the whole process (including shutdown). Needs a display (run under xvfb-run).
 *
 * <p>Arguments: {@code --runs N} (default 5), {@code --cp-file FILE} (class path of the app JVM; default this
 * JVM's), {@code --dir DIR} (scratch folder; default a temp folder), {@code --xmx 512m} (as the installer's
 * launcher), {@code --java-opt OPT} (repeatable: extra JVM option for the app), {@code --compare-opt OPT}
 * (repeatable: a second configuration with these options added, e.g. an AppCDS archive, launched interleaved with
 * the first so both see the same load), {@code --main CLASS} (default the app's Launcher; e.g.
 * {@link EmptyWindowBaseline} for the floor).
 */
public final class ColdStartBenchmark {
    private static final Pattern FIRST_WINDOW = Pattern.compile("first window after (\\d+) ms from JVM start");

    private record Run(long firstWindowMs, long wallMs) {
    }

    private ColdStartBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 5;
        String cp = System.getProperty("java.class.path");
        Path dir = null;
        String xmx = "512m";
        List<String> javaOpts = new ArrayList<>();
        List<String> compareOpts = new ArrayList<>();
        String main = "io.skilldesigner.app.Launcher";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cp-file" -> cp = Files.readString(Path.of(args[++i])).trim();
                case "--dir" -> dir = Path.of(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--java-opt" -> javaOpts.add(args[++i]);
                case "--compare-opt" -> compareOpts.add(args[++i]);
                case "--main" -> main = args[++i];
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --runs N --cp-file FILE --dir DIR --xmx SIZE --java-opt OPT --compare-opt OPT --main CLASS");
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("appbench-coldstart");
        }
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        Launch launch = new Launch(java, cp, xmx, javaOpts, dir.resolve("prefs"), main);
        System.out.println("main " + main + ", app JVM options: -Xmx" + xmx + " " + String.join(" ", javaOpts));
        List<Launch> configs = new ArrayList<>(List.of(launch));
        if (!compareOpts.isEmpty()) {
            List<String> opts = new ArrayList<>(javaOpts);
            opts.addAll(compareOpts);
            configs.add(new Launch(java, cp, xmx, opts, dir.resolve("prefs"), main));
            System.out.println("compared with: -Xmx" + xmx + " " + String.join(" ", opts));
        }
        System.out.println("load average before: " + loadAverage());
        List<List<Run>> fresh = new ArrayList<>();
        List<List<Run>> again = new ArrayList<>();
        for (int c = 0; c < configs.size(); c++) {
            // warm-up (discarded): fills the OS file cache and creates the existing workspace
            Run warm = configs.get(c).run(dir.resolve("existing-ws-" + c));
            System.out.println("config " + c + " warm-up (creates its existing workspace): " + warm);
            fresh.add(new ArrayList<>());
            again.add(new ArrayList<>());
        }
        for (int i = 0; i < runs; i++) {
            for (int c = 0; c < configs.size(); c++) {
                Run f = configs.get(c).run(dir.resolve("fresh-ws-" + c + "-" + i));
                Run e = configs.get(c).run(dir.resolve("existing-ws-" + c));
                System.out.printf(Locale.ROOT, "run %d config %d: fresh %s | existing %s | load %s%n", i + 1, c, f, e,
                        loadAverage());
                fresh.get(c).add(f);
                again.get(c).add(e);
            }
        }
        System.out.println("load average after: " + loadAverage());
        for (int c = 0; c < configs.size(); c++) {
            System.out.println("== config " + c + ": -Xmx" + xmx + " " + String.join(" ", configs.get(c).javaOpts()));
            report("fresh workspace (demo created)", fresh.get(c));
            report("existing workspace", again.get(c));
        }
    }

    private static void report(String name, List<Run> runs) {
        System.out.println(name + ":");
        System.out.println("  first window (app's own, ms): " + Stats.of(runs.stream().map(Run::firstWindowMs).toList()).format(""));
        System.out.println("  process wall time (ms):       " + Stats.of(runs.stream().map(Run::wallMs).toList()).format(""));
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** How the app JVM is started: as the installer's launcher does (same heap limit), own preferences root. */
    private record Launch(String java, String classPath, String xmx, List<String> javaOpts, Path prefsRoot,
                          String main) {
        Run run(Path workspace) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-Djava.util.prefs.userRoot=" + prefsRoot));
            cmd.addAll(javaOpts);
            cmd.addAll(List.of("-cp", classPath, main, "--workspace", workspace.toString(),
                    "--smoke-test"));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            long firstWindow = -1;
            StringBuilder out = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    out.append(line).append('\n');
                    Matcher m = FIRST_WINDOW.matcher(line);
                    if (m.find()) {
                        firstWindow = Long.parseLong(m.group(1));
                    }
                }
            }
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("the app did not exit within 120 s on " + workspace + ":\n" + out);
            }
            long wall = (System.nanoTime() - t0) / 1_000_000;
            if (p.exitValue() != 0 || firstWindow < 0) {
                throw new IOException("smoke test failed on " + workspace + " (exit " + p.exitValue() + "):\n" + out);
            }
            return new Run(firstWindow, wall);
        }
    }
}
