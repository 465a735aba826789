package io.skilldesigner.engine.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.SkillJson;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.cli.Main;

/** Cameras that fail the way real IP cameras fail, against a real GStreamer RTSP server. */
class CameraFailuresTest {
    private static Skill skill(String url) {
        return TestSkills.rtspCamera(url).fps(15).node("filter", FilterNode.ID, "camera").build();
    }

    @Test
    void aCameraThatLocksUpWithItsConnectionOpenIsReconnectedAndResumesByItself() throws Exception {
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "cam").start()) {
            SourceSpec spec = SourceSpec.rtsp(server.url(), "tcp")
                    .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2));
            RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
            try (Engine engine = Engine.builder(skill(server.url())).sourceOverride(spec).listener(watch).build()) {
                engine.start();
                RtspSourceTest.waitFor(() -> watch.outputs.get() >= 10, Duration.ofSeconds(30), "first frames");
                server.freeze();
                try {
                    RtspSourceTest.waitFor(() -> watch.states.stream().anyMatch(s -> s.contains("no frames for 2 s")),
                            Duration.ofSeconds(15), "the watchdog");
                    Thread.sleep(13_000); // a 15 s stall in all
                } finally {
                    server.thaw();
                }
                long atThaw = watch.outputs.get();
                RtspSourceTest.waitFor(() -> watch.outputs.get() >= atThaw + 15, Duration.ofSeconds(30),
                        "frames after the camera came back");
                assertEquals(RunState.RUNNING, engine.state());
                assertTrue(watch.states.stream().anyMatch(s -> s.startsWith("RECONNECTING")), watch.states.toString());
            }
        }
    }

    @Test
    void threeCameraRestartsThenAStopLeaveACompleteOutput(@TempDir Path dir) throws Exception {
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "cam").start()) {
            Path skillFile = Files.writeString(dir.resolve("cam.skill.json"),
                    new SkillJson(NodeCatalog.standard()).write(skill(server.url())));
            Path out = dir.resolve("insights.jsonl");
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> new Main(
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8)).run("run", skillFile.toString(), "--frames",
                    "120", "--out", out.toString()));
            for (int restart = 0; restart < 3; restart++) {
                long before = lines(out);
                RtspSourceTest.waitFor(() -> lines(out) >= before + 10, Duration.ofSeconds(30), "frames flowing");
                server.kill();
                Thread.sleep(1000);
                server.start();
            }
            int code = run.get(90, TimeUnit.SECONDS);
            String log = err.toString(StandardCharsets.UTF_8);
            assertEquals(0, code, log);
            String text = Files.readString(out);
            assertTrue(text.endsWith("\n"), "last line cut");
            List<String> lines = text.lines().toList();
            assertEquals(120, lines.size(), log);
            lines.forEach(l -> JsonParser.parseString(l).getAsJsonObject());
            assertTrue(log.lines().filter(l -> l.startsWith("source camera: RECONNECTING")).count() >= 3, log);
        }
    }

    private static long lines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file).size() : 0;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aWrongPathFailsAtOnceNamingThe404AndThePath() throws Exception {
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "cam").start()) {
            String url = "rtsp://viewer:hunter2@127.0.0.1:" + server.port() + "/nope";
            RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
            try (Engine engine = Engine.builder(skill(url)).sourceOverride(SourceSpec.rtsp(url, "tcp"))
                    .listener(watch).build()) {
                long t0 = System.nanoTime();
                engine.start();
                assertTrue(engine.awaitCompletion(Duration.ofSeconds(20)), "a 404 must not be retried for ever");
                double seconds = (System.nanoTime() - t0) / 1e9;
                assertEquals(RunState.FAILED, engine.state());
                String message = engine.stateMessage();
                assertTrue(message.contains("404") && message.contains("/nope"), message);
                assertFalse(message.contains("hunter2") || watch.states.toString().contains("hunter2"), message);
                assertFalse(watch.saw(SourceState.RECONNECTING), watch.states.toString());
                assertTrue(seconds < 15, "took " + seconds + " s");
            }
        }
    }

    @Test
    void aDeadPortSaysConnectionRefusedAndShowsTheRetries() throws Exception {
        String url = "rtsp://127.0.0.1:" + GstRtspServer.freePort() + "/cam";
        RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
        try (Engine engine = Engine.builder(skill(url)).sourceOverride(SourceSpec.rtsp(url, "tcp")).listener(watch)
                .build()) {
            engine.start();
            RtspSourceTest.waitFor(() -> watch.count(SourceState.RECONNECTING) >= 3, Duration.ofSeconds(30),
                    "retries");
            String retry = watch.states.stream().filter(s -> s.startsWith("RECONNECTING")).reduce((a, b) -> b)
                    .orElseThrow();
            assertTrue(retry.contains("connection refused") && retry.contains(url)
                    && retry.matches(".*next attempt at \\d\\d:\\d\\d:\\d\\d \\(in \\d+ ms, attempt \\d+\\).*"), retry);
            assertTrue(retry.contains("unreachable since"), retry);
            // The edge default never gives up on a camera.
            assertEquals(RunState.RUNNING, engine.state());
        }
    }

    @Test
    void aGiveUpPolicyEndsTheRunOnceTheCameraWasUnreachableThatLong() throws Exception {
        String url = "rtsp://127.0.0.1:" + GstRtspServer.freePort() + "/cam";
        SourceSpec spec = SourceSpec.rtsp(url, "tcp")
                .withReconnect(ReconnectPolicy.defaults().withGiveUpAfter(Duration.ofSeconds(2)));
        try (Engine engine = Engine.builder(skill(url)).sourceOverride(spec).build()) {
            engine.start();
            assertTrue(engine.awaitCompletion(Duration.ofSeconds(30)));
            assertEquals(RunState.FAILED, engine.state());
            assertTrue(engine.stateMessage().contains("connection refused"), engine.stateMessage());
        }
    }
}
