package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * Command line of the preview engine.
 *
 * <pre>
 * run &lt;skill.json&gt; [--source file|rtsp-url|webcam:N]... [--workspace dir] [--frames N] [--out insights.jsonl]
 *                    [--fps N] [--no-pacing] [--rtsp-transport tcp|udp] [--give-up-after SECONDS]
 * inspect &lt;model.onnx&gt; [--labels file] [--image file]
 * bench &lt;model.onnx&gt;... [--video file] [--frames N] [--rounds N] [--labels file] [--tune] [--threads I[,J[,S]]] [--streams N] [--gpu]
 *       [--peer peer_baseline.py [--python exe]]
 * </pre>
 * Exit codes: see {@link ExitCode}. Insights go to {@code --out} (or stdout), messages and the summary to stderr.
 */
public final class Main {
    public static final String USAGE = String.join(System.lineSeparator(),
            "usage:",
            "  run <skill.json> [--source file|rtsp-url|webcam:N] [--workspace dir] [--frames N]"
                    + " [--out insights.jsonl] [--fps N] [--no-pacing] [--edge]",
            "      [--rtsp-transport tcp|udp] [--give-up-after SECONDS] [--threads INTRA[,INTER[,STAGES]]]",
            "      [--skill-source package|twin] [--no-tensorrt]",
            "      one JSON line of insights per frame (to --out or stdout), then a summary on stderr",
            "      --source several times: the skill runs on each source at once, one model session shared;"
                    + " instance_id names the stream",
            "      a camera that stops answering is reconnected for ever unless --give-up-after says otherwise;"
                    + " rtsp://...?transport=udp works too",
            "      a file plays at its own rate, sub-sampled to the skill's fps, frames stamped with its own clock;",
            "      --no-pacing: read a file as fast as the pipeline takes it, every frame processed, same stamps",
            "      --no-tensorrt: a skill that asks for a GPU runs on CUDA (then CPU) without trying TensorRT",
            "      --edge: device mode (also when IoT Edge started it): IoT Hub / IoT Edge exports send to edgeHub",
            "      --skill-source twin (or SD_SKILL_SOURCE=twin): in device mode, the skill is the module twin's"
                    + " desired property skill, followed live; the skill file is then not read",
            "  inspect <model.onnx> [--labels file] [--image file]",
            "      inputs, outputs and detected output layout of a model; with --image, what it finds there with the",
            "      proposed decoder (boxes in image pixels, or the top 5 classes), as the app's \"try on an image\"",
            "  bench <model.onnx>... [--video file] [--frames N] [--rounds N] [--labels file] [--tune]",
            "        [--threads INTRA[,INTER[,STAGES]]] [--streams N] [--gpu] [--peer peer_baseline.py [--python EXE]]",
            "      raw ONNX Runtime loop vs the engine end to end, same frames and session",
            "      --peer: also the Python loop users write (OpenCV, numpy, ONNX Runtime), its rounds between the"
                    + " engine's",
            "      --gpu: sessions ask for a GPU (TensorRT, CUDA, then CPU), as a GPU skill's do; the table says which"
                    + " runs and why",
            "  " + DiffCommand.USAGE.replace(System.lineSeparator(), System.lineSeparator() + "  "),
            "  " + TestCommand.USAGE.replace(System.lineSeparator(), System.lineSeparator() + "  "));

    private final PrintStream out;
    private final PrintStream err;

    public Main(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(System.out, System.err).run(args));
    }

    /** Runs a command and returns its exit code; never exits the JVM itself (tests call this). */
    public int run(String... args) {
        List<String> list = Arrays.asList(args);
        try {
            if (list.isEmpty()) {
                throw new UsageException("no command given");
            }
            List<String> rest = list.subList(1, list.size());
            return switch (list.get(0)) {
                case "run" -> new RunCommand(out, err).execute(rest).code();
                case "inspect" -> new InspectCommand(out, err).execute(rest).code();
                case "bench" -> new BenchCommand(out, err).execute(rest).code();
                case "diff" -> new DiffCommand(out, err).execute(rest).code();
                case "test" -> new TestCommand(out, err).execute(rest).code();
                case "help", "--help", "-h" -> {
                    out.println(USAGE);
                    yield ExitCode.OK.code();
                }
                default -> throw new UsageException("unknown command '" + list.get(0) + "'");
            };
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println(USAGE);
            return ExitCode.USAGE.code();
        }
    }
}
