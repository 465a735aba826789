package io.skilldesigner.engine.export;

import java.nio.file.Path;
import java.time.Duration;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Builds the IoT Hub / IoT Edge module exports: same message, different output and route. */
final class ModuleOutputExport {
    /** Workspace folder of the preview's per-node JSONL files. */
    static final String MESSAGES_DIR = "export-messages";
    /** Backoff while edgeHub is unreachable: 1 s, doubling, at most 30 s between attempts. */
    static final Duration RETRY_FIRST = Duration.ofSeconds(1);
    static final Duration RETRY_MAX = Duration.ofSeconds(30);

    private ModuleOutputExport() {
    }

    static InsightExport create(String nodeId, String type, EffectiveSettings s, RuntimeContext context, String outputName,
                                String route, EdgeModuleConnection edge) throws Exception {
        ExportMessageListener messages = context.messages() == null ? ExportMessageListener.NONE : context.messages();
        if (context.edge()) {
            // Device mode: edgeHub only, never a file: while it is down the node is in ERROR and retries.
            ModuleOutput out = edge.acquire();
            ExportQueue.Sender<String> toHub = new RetryingSender<>(nodeId, body -> out.send(outputName, body),
                    context.status(), RETRY_FIRST, RETRY_MAX);
            return InsightExports.create(nodeId, s, context, body -> {
                toHub.send(body);
                messages.onMessage(InsightExports.message(nodeId, type, outputName, route, body));
            }, out);
        }
        JsonlFile file = new JsonlFile(jsonlPath(context, nodeId));
        return InsightExports.create(nodeId, s, context, body -> {
            file.append(body);
            messages.onMessage(InsightExports.message(nodeId, type, outputName, route, body));
        }, file);
    }

    /** Where the preview writes a node's messages. */
    static Path jsonlPath(RuntimeContext context, String nodeId) {
        return context.resolve(MESSAGES_DIR).resolve(nodeId + ".jsonl");
    }
}
