package io.skilldesigner.engine.export;

import static io.skilldesigner.engine.export.ExportTestSupport.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.runtime.NodeState;

class HttpExportTest {
    private static final String TOKEN = "Bearer tok-9f8e7d";

    @TempDir
    Path dir;

    private final InsightsJson json = new InsightsJson(ExportTestSupport.IDENTITY);
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> auth = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    private void startServer(HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        port = server.getAddress().getPort();
        server.createContext("/insights", handler);
        server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(2));
        server.start();
    }

    private final HttpHandler recording = exchange -> {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        auth.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        reply(exchange, 204);
    };

    private static void reply(HttpExchange exchange, int code) throws IOException {
        exchange.sendResponseHeaders(code, -1);
        exchange.close();
    }

    private void stopServer() {
        if (server != null) {
            server.stop(0);
            ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
            server = null;
        }
    }

    @AfterEach
    void tearDown() {
        stopServer();
    }

    private CountedExport export(ExportTestSupport t, Map<String, Object> extra) throws Exception {
        Map<String, Object> s = new HashMap<>(Map.of(HttpExportNode.URL_KEY,
                "http://127.0.0.1:" + port + "/insights?sig=secret-query", HttpExportNode.AUTH_VALUE, TOKEN,
                HttpExportNode.RETRIES, 0L, HttpExportNode.TIMEOUT_MS, 2000L));
        s.putAll(extra);
        return (CountedExport) new HttpExportRuntimeFactory().create(new HttpExportNode().newNode("http"),
                EffectiveSettings.of(new HttpExportNode(), "http", s),
                t.context);
    }

    @Test
    void postsTheInsightObjectOnceWithAuthAndSurvivesTheServerGoingDownAndComingBack() throws Exception {
        startServer(recording);
        ExportTestSupport t = new ExportTestSupport(dir, false);
        List<String> expected = new ArrayList<>();
        try (CountedExport export = export(t, Map.of())) {
            for (int seq = 0; seq < 3; seq++) {
                export.process(frame(seq, seq));  // HTTP sends every frame, with or without objects
                expected.add(json.toJson(frame(seq, seq)));
            }
            assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(expected, bodies);
            // Sent once: a JSON object, not a JSON string holding JSON as KAN does.
            assertTrue(JsonParser.parseString(bodies.get(0)).isJsonObject());
            assertEquals(List.of(TOKEN, TOKEN, TOKEN), auth);
            assertEquals("http://127.0.0.1:" + port + "/insights", t.messages.get(0).target(), "no query shown");

            stopServer();
            for (int seq = 3; seq < 8; seq++) {
                long start = System.nanoTime();
                export.process(frame(seq, 1));
                assertTrue(System.nanoTime() - start < 500_000_000L, "process() must not wait for the server");
            }
            assertTrue(export.awaitIdle(Duration.ofSeconds(20)));
            assertEquals(new ExportCounters(8, 3, 5, 0, 0), export.counters());
            assertTrue(t.statuses.stream().anyMatch(s -> s.state() == NodeState.ERROR
                    && s.message().contains("cannot connect to http://127.0.0.1:" + port + "/insights")));

            startServer(recording);
            export.process(frame(8, 1));
            assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(new ExportCounters(9, 4, 5, 0, 0), export.counters());
            assertEquals(json.toJson(frame(8, 1)), bodies.get(bodies.size() - 1));
            assertEquals(NodeState.RUNNING, t.statuses.get(t.statuses.size() - 1).state());
        }
        for (var s : t.statuses) {
            assertFalse(s.message().contains("tok-9f8e7d") || s.message().contains("secret-query"), s.message());
        }
    }

    @Test
    void retriesServerErrorsWithBackoff() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        List<Long> times = new CopyOnWriteArrayList<>();
        startServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            times.add(System.nanoTime());
            reply(exchange, calls.incrementAndGet() <= 2 ? 503 : 200);
        });
        ExportTestSupport t = new ExportTestSupport(dir, false);
        try (CountedExport export = export(t, Map.of(HttpExportNode.RETRIES, 2L))) {
            export.process(frame(0, 1));
            assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
            assertEquals(new ExportCounters(1, 1, 0, 0, 0), export.counters());
        }
        assertEquals(3, calls.get());
        long firstGap = times.get(1) - times.get(0);
        long secondGap = times.get(2) - times.get(1);
        assertTrue(firstGap >= 190_000_000L, "first retry after >= 200 ms, was " + firstGap / 1_000_000 + " ms");
        assertTrue(secondGap >= 390_000_000L, "second retry after >= 400 ms, was " + secondGap / 1_000_000 + " ms");
    }

    @Test
    void aStuckServerFillsTheQueueAndNewMessagesAreDroppedAndCounted() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        startServer(exchange -> {
            exchange.getRequestBody().readAllBytes();
            entered.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            reply(exchange, 200);
        });
        ExportTestSupport t = new ExportTestSupport(dir, false);
        try (CountedExport export = export(t, Map.of(HttpExportNode.TIMEOUT_MS, 20000L))) {
            export.process(frame(0, 1));
            assertTrue(entered.await(10, TimeUnit.SECONDS), "first POST reached the server");
            int extra = 7;
            long start = System.nanoTime();
            for (int seq = 1; seq <= InsightExports.QUEUE_CAPACITY + extra; seq++) {
                export.process(frame(seq, 1));
            }
            long tookMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(tookMs < 2000, "process() never blocks; " + (InsightExports.QUEUE_CAPACITY + extra)
                    + " frames took " + tookMs + " ms");
            assertEquals(extra, export.counters().dropped());
            assertTrue(t.statuses.stream().anyMatch(s -> s.state() == NodeState.ERROR
                    && s.message().contains("queue full")));
            release.countDown();
            assertTrue(export.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(new ExportCounters(1 + InsightExports.QUEUE_CAPACITY + extra, 1 + InsightExports.QUEUE_CAPACITY,
                    0, extra, 0), export.counters());
        }
    }
}
