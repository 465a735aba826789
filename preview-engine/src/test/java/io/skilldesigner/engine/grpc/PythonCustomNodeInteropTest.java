package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * Wire compatibility with custom nodes as KAN users write them: a Python grpcio + numpy server whose stubs protoc
 * generates from our custom_node.proto (Debian: python3-grpcio, python3-protobuf, protobuf-compiler).
 */
class PythonCustomNodeInteropTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    @TempDir
    Path dir;

    private Process startPythonServer() throws Exception {
        Path proto = Path.of("src/main/proto/custom_node.proto").toAbsolutePath();
        Process protoc = new ProcessBuilder("protoc", "-I" + proto.getParent(), "--python_out=" + dir,
                proto.toString()).redirectErrorStream(true).start();
        String protocLog = new String(protoc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(protoc.waitFor(60, TimeUnit.SECONDS) && protoc.exitValue() == 0, "protoc failed: " + protocLog);
        try (InputStream script = getClass().getResourceAsStream("kan_style_server.py")) {
            Files.copy(script, dir.resolve("kan_style_server.py"));
        }
        // Debian's interpreter: it has the packages from .ci/apt-packages.txt (a pyenv python first on PATH has not).
        String python = Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
        return new ProcessBuilder(python, "kan_style_server.py", "--port", "0").directory(dir.toFile())
                .redirectErrorStream(true).start();
    }

    private static int awaitPort(Process p) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        String line;
        while ((line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "python-server-output");
                drain.setDaemon(true);
                drain.start();
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("python custom node did not start:\n" + seen);
    }

    @Test
    void pythonServerGetsRawFramesAndItsAnswerIsMerged() throws Exception {
        Process server = startPythonServer();
        try {
            int port = awaitPort(server);
            for (ColorFormat color : List.of(ColorFormat.COLOR_FORMAT_BGR, ColorFormat.COLOR_FORMAT_RGB)) {
                var statuses = new TestFrames.Statuses();
                var config = GrpcNodeConfig.plain("127.0.0.1", port, Duration.ofSeconds(10)).withColor(color);
                try (var node = GrpcCustomRuntime.connected("py", new CustomNodeClient(config,
                        new RunIdentity("inst-7", "skill-py", "device-py")), statuses)) {
                    DetectedObject person = DetectedObject.of("person", 0.7f, new BBox(0.5f, 0.5f, 0.1f, 0.1f));
                    Frame in = TestFrames.patches(320, 240).withObjects(List.of(person));
                    Frame out = node.process(in);

                    assertEquals(NodeState.RUNNING, statuses.last().state(), statuses.entries.toString());
                    assertEquals(2, out.objects().size(), color + ": " + out.objects());
                    DetectedObject red = out.objects().get(1);
                    assertEquals("red", red.label());
                    assertEquals(new BBox(40 / 320f, 60 / 240f, 80 / 320f, 80 / 240f), red.bbox(), color.toString());
                    FrameEvent e = out.events().get(0);
                    assertEquals("handshake", e.type());
                    assertEquals(in.frameId(), e.eventId());
                    assertEquals("inst-7", e.properties().get("instance_id"));
                    assertEquals("skill-py", e.properties().get("skill_id"));
                    assertEquals("device-py", e.properties().get("device_id"));
                    assertEquals("1", e.properties().get("objects_in"));
                    assertFalse(e.properties().get("datetime").isEmpty());
                    assertTrue(e.properties().get("datetime").startsWith("2025-"), e.properties().toString());
                }
            }
        } finally {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
