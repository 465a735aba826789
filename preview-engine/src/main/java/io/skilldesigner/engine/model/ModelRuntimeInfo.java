package io.skilldesigner.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model node tells the preview and the CLI about how it runs: the model, the execution provider actually
 * used and, when it is not the one asked for, why (shown prominently in the preview).
 */
final class ModelRuntimeInfo {
    private ModelRuntimeInfo() {
    }

    /** A node's runners, one per frame in flight, on one session: the first speaks for all, waits are summed. */
    static Map<String, String> of(List<ModelRunner> runners) {
        Map<String, String> out = of(runners.get(0));
        if (runners.size() > 1) {
            out.put("frames in flight", Integer.toString(runners.size()));
            out.put("stage wait ms", String.format(java.util.Locale.ROOT, "%.1f",
                    runners.stream().mapToLong(ModelRunner::stageWaitNanos).sum() / 1e6));
        }
        return out;
    }

    static Map<String, String> of(ModelRunner runner) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("model", runner.name());
        out.put("provider", runner.provider().provider());
        out.put("fallback", runner.provider().fellBack() ? runner.provider().fallbackReason() : "");
        out.put("layout", String.valueOf(runner.layout()));
        out.put("input", runner.settings().inputWidth() + "x" + runner.settings().inputHeight());
        ModelSession session = runner.session();
        out.put("threads", session.threads().map(t -> t.describe()).orElse("ONNX Runtime default")
                + (session.tuning().isPresent() ? " (measured)" : ""));
        out.put("stage wait ms", String.format(java.util.Locale.ROOT, "%.1f", runner.stageWaitNanos() / 1e6));
        runner.batching().ifPresent(b -> out.put("batch", b));
        return out;
    }
}
