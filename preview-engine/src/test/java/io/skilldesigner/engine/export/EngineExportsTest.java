package io.skilldesigner.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;

import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.TestNodes;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.runtime.ExportMessage;

/** The standard registry's analytics and exports inside the real engine, on a real MP4. */
class EngineExportsTest {
    private static final int FRAMES = 24;

    @TempDir
    Path dir;

    @Test
    void detectorTrackerLineCrossingThenHttpAndIotHubExports() throws Exception {
        Path video = TestVideos.movingSquare(dir.resolve("square.mp4"), FRAMES, 160, 120, 25);
        List<String> bodies = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/in", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            ex.sendResponseHeaders(200, -1);
            ex.close();
        });
        server.start();
        try {
            // A fake detector: one person walking down, its box bottom crossing y = 0.5 at frame 10.
            TestNodes nodes = new TestNodes().type("walker", TestNodes.map(f -> f.withObjects(List.of(
                    DetectedObject.of("person", 0.9f, new BBox(0.45f, 0.1f + 0.03f * f.sequence(), 0.1f, 0.1f))))));
            Skill skill = TestSkills.fileCamera(video, false)
                    .node("detector", "walker", "camera")
                    .node("tracker", TrackerNode.ID, "detector")
                    .node("line", LineCrossingNode.ID, "tracker",
                            Map.of(LineCrossingNode.IN_SIDE, LineCrossingNode.IN_SIDE_RIGHT))  // arrow down
                    .node("http", HttpExportNode.ID, "line", Map.of(HttpExportNode.URL_KEY,
                            "http://127.0.0.1:" + server.getAddress().getPort() + "/in"))
                    .node("hub", IotHubExportNode.ID, "line", Map.of(IotHubExportNode.DELAY_SECONDS, 0L))
                    .build();
            List<ExportMessage> messages = new CopyOnWriteArrayList<>();
            try (Engine engine = Engine.builder(skill).catalog(nodes.catalog()).registry(nodes.registry())
                    .workspace(dir).messages(messages::add).paced(false).lossless(true).build()) {
                engine.start();
                assertTrue(engine.awaitCompletion(Duration.ofSeconds(60)));
                assertEquals(RunState.COMPLETED, engine.state(), engine.stateMessage());
            }
            // closing the engine closed the exports, which sent everything queued
            assertEquals(FRAMES, bodies.size());
            int crossings = 0;
            for (int i = 0; i < FRAMES; i++) {
                JsonObject o = JsonParser.parseString(bodies.get(i)).getAsJsonObject();
                JsonObject obj = o.getAsJsonObject("insights_meta").getAsJsonArray("objects_meta").get(0)
                        .getAsJsonObject();
                assertEquals(i >= 2, obj.has("tracking"), "frame " + i + ": tracked from the 3rd frame on");
                if (obj.has("tracking")) {
                    assertEquals("1", obj.getAsJsonObject("tracking").get("tracking_id").getAsString());
                }
                if (o.has("events")) {
                    crossings++;
                    JsonObject e = o.getAsJsonArray("events").get(0).getAsJsonObject();
                    assertEquals("line-crossing", e.get("type").getAsString());
                    assertEquals("in", e.getAsJsonObject("properties").get("direction").getAsString());
                }
            }
            assertEquals(1, crossings);
            List<String> hubLines = Files.readAllLines(dir.resolve("export-messages/hub.jsonl"));
            assertEquals(bodies, hubLines, "IoT Hub preview shows the same message the HTTP export sent");
            assertEquals(FRAMES, messages.stream().filter(m -> m.nodeId().equals("http")).count());
            assertEquals(FRAMES, messages.stream().filter(m -> m.nodeId().equals("hub")).count());
        } finally {
            server.stop(0);
        }
    }
}
