package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.RunIdentity;

/** The reference server as users run it: its own process, started from main, killed with SIGKILL, restarted. */
class ReferenceServerProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");

    private record Running(Process process, int port) {
    }

    private static Running start(String... args) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                ReferenceCustomNodeServer.class.getName(), "--host", "127.0.0.1"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < until && (line = out.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                // Keep draining its output so the child never blocks on a full pipe.
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "ref-server-output");
                drain.setDaemon(true);
                drain.start();
                return new Running(p, Integer.parseInt(m.group(1)));
            }
        }
        p.destroyForcibly();
        throw new AssertionError("reference server did not start:\n" + seen);
    }

    @Test
    void killedWithSigkillAndRestartedOnTheSamePort() throws Exception {
        Running first = start("--port", "0", "--image-type", "numpy", "--color", "rgb", "--response-type",
                "image-and-insights");
        var statuses = new TestFrames.Statuses();
        GrpcNodeConfig config = GrpcNodeConfig.plain("127.0.0.1", first.port(), Duration.ofSeconds(5))
                .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));
        Running second = null;
        try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config,
                new RunIdentity("i", "s", "d")), statuses)) {
            Frame in = TestFrames.patches(320, 240);
            assertEquals(List.of("blue", "red"),
                    node.process(in).objects().stream().map(DetectedObject::label).sorted().toList());

            first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            for (int i = 0; i < 5; i++) {
                assertSame(in, node.process(in));
                Thread.sleep(20);
            }
            assertEquals(NodeState.ERROR, statuses.last().state());

            second = start("--port", Integer.toString(first.port()), "--image-type", "bmp", "--response-type",
                    "insights");
            Frame out = in;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (out.objects().isEmpty() && System.nanoTime() < until) {
                Thread.sleep(50);
                out = node.process(in);
            }
            assertEquals(2, out.objects().size(), statuses.entries.toString());
            assertSame(in.image(), out.image(), "the restarted server declared insights only");
            assertEquals(2, node.handshakes());
            assertEquals(NodeState.RUNNING, statuses.last().state());
        } finally {
            first.process().destroyForcibly();
            if (second != null) {
                second.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void optionsParseShortAndEnumNames() {
        var o = ReferenceServerOptions.parse("--port", "6000", "--image-type", "IMAGE_TYPE_BMP", "--color", "rgb",
                "--request-type", "without-image", "--response-type", "IMAGE_ONLY", "--delay-ms", "5");
        assertEquals(6000, o.port());
        assertEquals(ImageType.IMAGE_TYPE_BMP, o.imageType());
        assertEquals(ColorFormat.COLOR_FORMAT_RGB, o.color());
        assertEquals(ProcessRequestType.FRAME_WITHOUT_IMAGE, o.requestType());
        assertEquals(ProcessResponseType.IMAGE_ONLY, o.responseType());
        assertEquals(5, o.delayMs());
        var e = assertThrows(IllegalArgumentException.class,
                () -> ReferenceServerOptions.parse("--image-type", "png"));
        assertTrue(e.getMessage().contains("--image-type 'png'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ReferenceServerOptions.parse("--tls-cert", "a.pem"));
        assertThrows(IllegalArgumentException.class, () -> ReferenceServerOptions.parse("--port", "70000"));
    }
}
