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
 * JVM's), {@code --dir DIR} (scratch folder; default a temp folder), {@code --xmx 4g} (as the installer's
 * launcher), {@code --java-opt OPT} (repeatable: extra JVM option for the app, e.g. an AppCDS archive).
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
        String xmx = "4g";
        List<String> javaOpts = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--cp-file" -> cp = Files.readString(Path.of(args[++i])).trim();
                case "--dir" -> dir = Path.of(args[++i]);
                case "--xmx" -> xmx = args[++i];
                case "--java-opt" -> javaOpts.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --runs N --cp-file FILE --dir DIR --xmx SIZE --java-opt OPT");
            }
        }
        if (dir == null) {
            dir = Files.createTempDirectory("appbench-coldstart");
        }
        Files.createDirectories(dir);
        String java = ProcessHandle.current().info().command().orElse("java");
        Launch launch = new Launch(java, cp, xmx, javaOpts, dir.resolve("prefs"));
        System.out.println("app JVM options: -Xmx" + xmx + " " + String.join(" ", javaOpts));
        Path existing = dir.resolve("existing-ws");
        System.out.println("load average before: " + loadAverage());
        // warm-up (discarded): fills the OS file cache with the jars and natives, and creates the existing workspace
        Run warm = launch.run(existing);
        System.out.println("warm-up (creates the existing workspace): " + warm);
        List<Run> fresh = new ArrayList<>();
        List<Run> again = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Run f = launch.run(dir.resolve("fresh-ws-" + i));
            Run e = launch.run(existing);
            System.out.printf(Locale.ROOT, "run %d: fresh %s | existing %s | load %s%n", i + 1, f, e, loadAverage());
            fresh.add(f);
            again.add(e);
        }
        System.out.println("load average after: " + loadAverage());
        report("fresh workspace (demo created)", fresh);
        report("existing workspace", again);
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
    private record Launch(String java, String classPath, String xmx, List<String> javaOpts, Path prefsRoot) {
        Run run(Path workspace) throws IOException, InterruptedException {
            List<String> cmd = new ArrayList<>(List.of(java, "-Xmx" + xmx, "-Djava.util.prefs.userRoot=" + prefsRoot));
            cmd.addAll(javaOpts);
            cmd.addAll(List.of("-cp", classPath, "io.skilldesigner.app.Launcher", "--workspace", workspace.toString(),
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
