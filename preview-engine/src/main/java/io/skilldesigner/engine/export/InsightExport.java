package io.skilldesigner.engine.export;

import java.time.Duration;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;

/**
 * The runtime shared by the exports that send a frame's insights as one JSON message (IoT Hub, IoT Edge module,
 * MQTT, HTTP): gate the frame, encode it, hand the body to the export's queue. Returns frames unchanged.
 */
public final class InsightExport implements CountedExport {
    private final DelayGate gate;
    private final InsightsJson json;
    private final ExportQueue<String> queue;
    private final AutoCloseable target;

    /** @param target closed after the queue drained (a client connection), or null */
    public InsightExport(DelayGate gate, InsightsJson json, ExportQueue<String> queue, AutoCloseable target) {
        this.gate = gate;
        this.json = json;
        this.queue = queue;
        this.target = target;
    }

    @Override
    public Frame process(Frame frame) {
        if (gate.admit(frame)) {
            queue.offer(json.toJson(frame));
        }
        return frame;
    }

    @Override
    public ExportCounters counters() {
        return queue.counters();
    }

    @Override
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return queue.awaitIdle(timeout);
    }

    @Override
    public void close() throws Exception {
        try {
            queue.close();
        } finally {
            if (target != null) {
                target.close();
            }
        }
    }
}
