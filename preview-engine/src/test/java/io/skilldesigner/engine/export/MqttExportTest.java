package io.skilldesigner.engine.export;

import static io.skilldesigner.engine.export.ExportTestSupport.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.runtime.NodeState;

class MqttExportTest {
    @TempDir
    Path dir;

    private final InsightsJson json = new InsightsJson(ExportTestSupport.IDENTITY);

    /** A Paho subscriber collecting payloads of one topic. */
    private static final class Subscriber implements AutoCloseable {
        final List<String> payloads = new CopyOnWriteArrayList<>();
        final MqttClient client;

        Subscriber(Mosquitto broker, String topic, String user, String password) throws Exception {
            client = new MqttClient("tcp://" + broker.address(), "test-sub-" + System.nanoTime() % 100000,
                    new MemoryPersistence());
            MqttConnectOptions o = new MqttConnectOptions();
            if (user != null) {
                o.setUserName(user);
                o.setPassword(password.toCharArray());
            }
            client.connect(o);
            client.subscribe(topic, 1, (t, m) -> payloads.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
        }

        @Override
        public void close() throws Exception {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close(true);
        }
    }

    private CountedExport export(ExportTestSupport t, Mosquitto broker, Map<String, Object> extra) throws Exception {
        Map<String, Object> s = new HashMap<>(Map.of(MqttExportNode.BROKER_ADDRESS, broker.address(),
                MqttExportNode.QOS, 1L, MqttExportNode.DELAY_SECONDS, 0L));
        s.putAll(extra);
        return (CountedExport) new MqttExportRuntimeFactory().create(new MqttExportNode().newNode("mqtt"),
                EffectiveSettings.of(new MqttExportNode(), "mqtt", s),
                t.context);
    }

    @Test
    void publishesExactBodiesToTheDefaultTopicAndSurvivesABrokerOutage() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        List<String> expected = new ArrayList<>();
        try (Mosquitto broker = new Mosquitto(dir, null, null); CountedExport export = export(t, broker, Map.of())) {
            try (Subscriber sub = new Subscriber(broker, "mqttmessage", null, null)) {
                for (int seq = 0; seq < 6; seq++) {
                    export.process(frame(seq, seq % 2 == 0 ? 1 : 0));  // odd frames have no object: not sent
                    if (seq % 2 == 0) {
                        expected.add(json.toJson(frame(seq, 1)));
                    }
                }
                assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
                ExportTestSupport.waitFor(() -> sub.payloads.size() >= 3, 5000, "3 MQTT messages");
                assertEquals(expected, sub.payloads);
                assertEquals(expected, t.messages.stream().map(m -> m.body()).toList());
                assertEquals("mqttmessage", t.messages.get(0).target());
            }

            broker.stop();
            for (int seq = 10; seq < 14; seq++) {
                long start = System.nanoTime();
                export.process(frame(seq, 1));
                assertTrue(System.nanoTime() - start < 500_000_000L,
                        "process() must not wait for the broker (a publish would wait up to 5 s)");
            }
            assertTrue(export.awaitIdle(Duration.ofSeconds(30)));
            assertEquals(new ExportCounters(7, 3, 4, 0, 0), export.counters());
            assertTrue(t.statuses.stream().anyMatch(s -> s.state() == NodeState.ERROR), "ERROR reported");

            broker.start();
            try (Subscriber sub = new Subscriber(broker, "mqttmessage", null, null)) {
                export.process(frame(20, 1));
                export.process(frame(21, 1));
                assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
                ExportTestSupport.waitFor(() -> sub.payloads.size() >= 2, 5000, "2 MQTT messages after restart");
                assertEquals(List.of(json.toJson(frame(20, 1)), json.toJson(frame(21, 1))), sub.payloads);
            }
            assertEquals(new ExportCounters(9, 5, 4, 0, 0), export.counters());
            var last = t.statuses.get(t.statuses.size() - 1);
            assertEquals(NodeState.RUNNING, last.state(), "back to RUNNING once sending works again");
        }
    }

    @Test
    void credentialsAreUsedAndNeverAppearInErrors() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        try (Mosquitto broker = new Mosquitto(dir, "camera", "s3cret-pw");
             Subscriber sub = new Subscriber(broker, "site/insights", "camera", "s3cret-pw")) {
            Map<String, Object> good = Map.of(MqttExportNode.TOPIC, "site/insights", MqttExportNode.USERNAME, "camera",
                    MqttExportNode.PASSWORD, "s3cret-pw");
            try (CountedExport export = export(t, broker, good)) {
                export.process(frame(1, 1));
                assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
            }
            ExportTestSupport.waitFor(() -> sub.payloads.size() == 1, 5000, "authenticated publish");
            assertEquals(json.toJson(frame(1, 1)), sub.payloads.get(0));

            Map<String, Object> bad = new HashMap<>(good);
            bad.put(MqttExportNode.PASSWORD, "wrong-pw-123");
            try (CountedExport export = export(t, broker, bad)) {
                export.process(frame(2, 1));
                assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
                assertEquals(1, export.counters().failed());
            }
            assertTrue(t.statuses.stream().anyMatch(s -> s.state() == NodeState.ERROR));
            for (var s : t.statuses) {
                assertFalse(s.message().contains("wrong-pw-123") || s.message().contains("s3cret-pw"), s.message());
            }
        }
    }

    @Test
    void tlsWithAPrivateCaFromTheCaFileSetting() throws Exception {
        ExportTestSupport t = new ExportTestSupport(dir, false);
        Mosquitto.TlsFiles tls = Mosquitto.TlsFiles.create(dir);
        try (Mosquitto broker = new Mosquitto(dir, null, null, tls)) {
            MqttClient sub = new MqttClient("ssl://" + broker.address(), "test-tls-sub", new MemoryPersistence());
            List<String> got = new CopyOnWriteArrayList<>();
            MqttConnectOptions o = new MqttConnectOptions();
            o.setSocketFactory(MqttPublisher.socketFactoryTrusting(tls.caCert()));
            sub.connect(o);
            sub.subscribe("mqttmessage", 1, (topic, m) -> got.add(new String(m.getPayload(), StandardCharsets.UTF_8)));
            try {
                // caFile relative to the workspace, as a skill would store it
                try (CountedExport export = export(t, broker, Map.of(MqttExportNode.TLS, true,
                        MqttExportNode.CA_FILE, "ca.crt"))) {
                    export.process(frame(1, 1));
                    assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
                    assertEquals(1, export.counters().sent());
                }
                ExportTestSupport.waitFor(() -> got.size() == 1, 5000, "TLS publish");
                assertEquals(json.toJson(frame(1, 1)), got.get(0));
                // Without the CA the broker's certificate is not trusted: the message fails, nothing is sent in clear.
                try (CountedExport export = export(t, broker, Map.of(MqttExportNode.TLS, true))) {
                    export.process(frame(2, 1));
                    assertTrue(export.awaitIdle(Duration.ofSeconds(10)));
                    assertEquals(1, export.counters().failed());
                }
            } finally {
                sub.disconnect();
                sub.close();
            }
        }
    }
}
