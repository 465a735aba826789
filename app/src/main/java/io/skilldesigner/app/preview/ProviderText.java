package io.skilldesigner.app.preview;

import java.util.Map;
import java.util.StringJoiner;

/** The execution provider line of the preview: "detector: CPU · classifier: CPU (requested CUDA, ...)". */
final class ProviderText {
    private ProviderText() {
    }

    static String describe(Map<String, Map<String, String>> runtimeInfo) {
        StringJoiner j = new StringJoiner("   ·   ");
        runtimeInfo.forEach((node, info) -> {
            String provider = info.get("provider");
            if (provider != null) {
                String fallback = info.getOrDefault("fallback", "");
                j.add(node + ": " + provider + (fallback.isBlank() ? "" : " (" + fallback + ")"));
            }
        });
        return j.length() == 0 ? "" : "Execution provider — " + j;
    }

    static boolean hasFallback(Map<String, Map<String, String>> runtimeInfo) {
        return runtimeInfo.values().stream().anyMatch(i -> !i.getOrDefault("fallback", "").isBlank());
    }
}
