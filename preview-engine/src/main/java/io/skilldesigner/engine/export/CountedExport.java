package io.skilldesigner.engine.export;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.skilldesigner.engine.RuntimeInfo;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * An export node's runtime: never blocks {@link #process}, counts what it sent and lost. The counts go into the
 * run summary (CLI, device logs) as its {@link RuntimeInfo}.
 */
public interface CountedExport extends NodeRuntime, RuntimeInfo {
    ExportCounters counters();

    /** Waits until everything accepted so far was sent or given up; false on timeout. For tests and shutdown. */
    boolean awaitIdle(Duration timeout) throws InterruptedException;

    @Override
    default Map<String, String> runtimeInfo() {
        ExportCounters c = counters();
        Map<String, String> info = new LinkedHashMap<>();
        info.put("sent", Long.toString(c.sent()));
        info.put("failed", Long.toString(c.failed()));
        info.put("dropped", Long.toString(c.dropped()));
        info.put("queued", Integer.toString(c.queued()));
        return info;
    }
}
