package io.skilldesigner.engine.export;

import static io.skilldesigner.engine.export.ExportTestSupport.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.runtime.ExportMessage;

class IotExportsTest {
    @TempDir
    Path workspace;

    private final InsightsJson json = new InsightsJson(ExportTestSupport.IDENTITY);

    @Test
    void iotHubPreviewShowsExactMessagesOutputAndRouteGatedByDelayAndObjects() throws Exception {
        ExportTestSupport t = new ExportTestSupport(workspace, false);
        var node = new IotHubExportNode().newNode("hub");
        List<String> expected = new ArrayList<>();
        try (CountedExport export = (CountedExport) new IotHubExportRuntimeFactory(new EdgeModuleConnection())
                .create(node, EffectiveSettings.of(new IotHubExportNode(), node.id(),
                        Map.of(IotHubExportNode.DELAY_SECONDS, 1L)), t.context)) {
            for (int seq = 0; seq < 40; seq++) {
                // frames 0-4 have no object (skipped); then a message at most once per second of frame time
                Frame f = frame(seq, seq < 5 ? 0 : 2);
                assertSame(f, export.process(f), "exports pass frames on unchanged");
                if (seq == 5 || seq == 15 || seq == 25 || seq == 35) {
                    expected.add(json.toJson(f));
                }
            }
            assertTrue(export.awaitIdle(Duration.ofSeconds(5)));
            assertEquals(new ExportCounters(4, 4, 0, 0, 0), export.counters());
        }
        assertEquals(expected, t.messages.stream().map(ExportMessage::body).toList());
        ExportMessage m = t.messages.get(0);
        assertEquals("hub", m.nodeId());
        assertEquals(IotHubExportNode.ID, m.exportType());
        assertEquals("metrics", m.target());
        assertEquals("FROM /messages/modules/sd-people-counter/outputs/metrics INTO $upstream", m.route());
        assertEquals(expected, Files.readAllLines(workspace.resolve("export-messages/hub.jsonl"),
                StandardCharsets.UTF_8));
    }

    @Test
    void iotEdgeModulePreviewRoutesToTheModuleInputAndCanSendEveryFrame() throws Exception {
        ExportTestSupport t = new ExportTestSupport(workspace, false);
        var node = new IotEdgeModuleExportNode().newNode("edge");
        Map<String, Object> settings = Map.of(IotEdgeModuleExportNode.MODULE_NAME, "alerts",
                IotEdgeModuleExportNode.MODULE_INPUT, "in2", IotEdgeModuleExportNode.DELAY_SECONDS, 0L,
                IotEdgeModuleExportNode.ONLY_WITH_OBJECTS, false);
        try (CountedExport export = (CountedExport) new IotEdgeModuleExportRuntimeFactory(new EdgeModuleConnection())
                .create(node, EffectiveSettings.of(new IotEdgeModuleExportNode(), node.id(), settings), t.context)) {
            for (int seq = 0; seq < 3; seq++) {
                export.process(frame(seq, 0));
            }
            assertTrue(export.awaitIdle(Duration.ofSeconds(5)));
        }
        assertEquals(3, t.messages.size());
        assertEquals("localmetrics", t.messages.get(2).target());
        assertEquals("FROM /messages/modules/sd-people-counter/outputs/localmetrics INTO"
                + " BrokeredEndpoint(\"/modules/alerts/inputs/in2\")", t.messages.get(2).route());
        assertEquals(json.toJson(frame(2, 0)), t.messages.get(2).body());
    }

    @Test
    void eventsWithoutObjectsStillPassTheObjectsGate() {
        DelayGate gate = new DelayGate(0, true);
        Frame empty = frame(0, 0);
        assertEquals(false, gate.admit(empty));
        FrameEvent exit = new FrameEvent("zone-exit", "z-1", List.of("3"), Map.of("zone", "door"), empty.timestampMillis());
        assertEquals(true, gate.admit(empty.plusEvents(List.of(exit))));
    }

    @Test
    void delayWindowUsesFrameTimeAndRestartsWhenTheSourceLoops() {
        DelayGate gate = new DelayGate(1000, true);
        assertTrue(gate.admit(frame(10, 1)));
        assertEquals(false, gate.admit(frame(19, 1)));   // 900 ms later
        assertTrue(gate.admit(frame(20, 1)));           // 1000 ms later
        assertTrue(gate.admit(frame(0, 1)));            // a looping file went back in time
    }

    @Test
    void onTheEdgeWithoutAnIotEdgeEnvironmentTheExportRefusesToStartWithAClearMessage() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("IOTEDGE_WORKLOADURI") == null);
        ExportTestSupport t = new ExportTestSupport(workspace, true);
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> new IotHubExportRuntimeFactory(new EdgeModuleConnection())
                        .create(new IotHubExportNode().newNode("hub"),
                                EffectiveSettings.defaults(new IotHubExportNode(), "hub"), t.context));
        assertTrue(e.getMessage().contains("not running as an IoT Edge module"), e.getMessage());
    }
}
