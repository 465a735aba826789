package io.skilldesigner.engine.export;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.runtime.ExportMessage;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Assembles an {@link InsightExport} from a node's gating settings and the export's sender. */
final class InsightExports {
    /** Messages waiting for a slow target; beyond this new ones are dropped (and counted) instead of piling up. */
    static final int QUEUE_CAPACITY = 100;

    private InsightExports() {
    }

    /** The delay and "only frames with objects" keys are the same for every insight export type. */
    static InsightExport create(String nodeId, EffectiveSettings s, RuntimeContext context, ExportQueue.Sender<String> sender,
                                AutoCloseable target) {
        DelayGate gate = new DelayGate(s.integer(IotHubExportNode.DELAY_SECONDS) * 1000L,
                s.bool(IotHubExportNode.ONLY_WITH_OBJECTS));
        ExportQueue<String> queue = new ExportQueue<>(nodeId, QUEUE_CAPACITY, sender, context.status());
        return new InsightExport(gate, new InsightsJson(context.identity()), queue, target);
    }

    static ExportMessage message(String nodeId, String type, String target, String route, String body) {
        return new ExportMessage(nodeId, type, target, route, body, System.currentTimeMillis());
    }
}
