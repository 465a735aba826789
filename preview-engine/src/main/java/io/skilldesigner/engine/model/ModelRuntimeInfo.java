package io.skilldesigner.engine.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a model node tells the preview and the CLI about how it runs: the model, the execution provider actually
 * used and, when it is not the one asked for, why (shown prominently in the preview).
 */
final class ModelRuntimeInfo {
    private ModelRuntimeInfo() {
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
