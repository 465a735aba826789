package io.skilldesigner.engine.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import ai.onnxruntime.OrtEnvironment;

/**
 * The Python loop a user writes instead of the engine ({@code peer_baseline.py --serve}: OpenCV, numpy and ONNX
 * Runtime), kept running in its own process so that the benchmark can run one of its rounds between its own rounds
 * on the same frames: background load then hits both alike.
 */
public final class PythonPeer implements AutoCloseable {
    /** One round of the peer: whole loop (pre-processing, inference, decoding) and inference alone, per second. */
    public record Round(double fps, double inferenceFps, int results) {
    }

    /** Where the peer is and what it runs on. */
    public record Setup(Path python, Path script, Path video, int frames, int intraOpThreads) {
    }

    private final Process process;
    private final BufferedReader out;
    private final BufferedWriter in;
    private final Path errors;
    private final String about;

    private PythonPeer(Process process, Path errors) throws IOException {
        this.process = process;
        this.errors = errors;
        this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        this.in = new BufferedWriter(new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        this.about = reply("ready").get("about").getAsString();
    }

    /** Starts the peer on {@code model} and waits until it has read its frames and warmed up. */
    public static PythonPeer start(Setup setup, Path model) throws IOException {
        if (!Files.isRegularFile(setup.script())) {
            throw new IOException("peer script not found: " + setup.script());
        }
        List<String> command = new ArrayList<>(List.of(setup.python().toString(), setup.script().toString(),
                "--serve", "--model", model.toString(), "--video", setup.video().toString(),
                "--frames", Integer.toString(setup.frames()), "--threads", Integer.toString(setup.intraOpThreads())));
        Path errors = Files.createTempFile("peer-baseline", ".err");
        Process p;
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        onnxRuntimeJar().ifPresent(jar -> builder.environment().put("ORT_JAR", jar.toString()));
        try {
            p = builder.start();
        } catch (IOException e) {
            Files.deleteIfExists(errors);
            throw new IOException("cannot start the Python peer with " + setup.python() + ": " + e.getMessage(), e);
        }
        try {
            return new PythonPeer(p, errors);
        } catch (IOException | RuntimeException e) {
            p.destroyForcibly();
            Files.deleteIfExists(errors);
            throw e;
        }
    }

    /**
     * The onnxruntime jar this JVM runs on, whose native library the peer loads when the onnxruntime Python package
     * is not installed: the same inference code and version on both sides.
     */
    static Optional<Path> onnxRuntimeJar() {
        try {
            CodeSource source = OrtEnvironment.class.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                return Optional.empty();
            }
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) && path.toString().endsWith(".jar") ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
            return Optional.empty(); // the peer then looks for the jar in ~/.m2 itself
        }
    }

    /** What the peer runs on (Python, OpenCV, numpy, ONNX Runtime and how it reaches it, threads, frames). */
    public String about() {
        return about;
    }

    /** Runs one round over all the frames and returns its figures. */
    public Round round() throws IOException {
        in.write("round\n");
        in.flush();
        JsonObject r = reply("round");
        return new Round(r.get("fps").getAsDouble(), r.get("inference_fps").getAsDouble(),
                r.get("results").getAsInt());
    }

    private JsonObject reply(String tag) throws IOException {
        String line = out.readLine();
        if (line == null || !line.startsWith(tag + " ")) {
            throw new IOException("the Python peer " + (line == null ? "ended" : "said '" + line + "'")
                    + " instead of '" + tag + "': " + errorTail());
        }
        try {
            return JsonParser.parseString(line.substring(tag.length() + 1)).getAsJsonObject();
        } catch (JsonParseException | IllegalStateException e) {
            throw new IOException("the Python peer's '" + tag + "' line is not a JSON object: " + line, e);
        }
    }

    private String errorTail() throws IOException {
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<String> lines = Files.readAllLines(errors, StandardCharsets.UTF_8);
        return lines.isEmpty() ? "(nothing on its stderr)"
                : String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    @Override
    public void close() throws IOException {
        try {
            in.close(); // end of input: the peer leaves its loop and exits
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            out.close();
            Files.deleteIfExists(errors);
        }
    }
}
