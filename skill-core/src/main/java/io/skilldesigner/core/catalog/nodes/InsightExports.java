package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;

import io.skilldesigner.core.catalog.KanKey;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;

/** Settings shared by the exports that send insight messages at most once per delay window. */
final class InsightExports {
    static final String DELAY_SECONDS = "delaySeconds";
    static final String ONLY_WITH_OBJECTS = "onlyWithObjects";

    private InsightExports() {
    }

    static SettingSpec delaySeconds(int defaultSeconds) {
        return SettingSpec.builder(DELAY_SECONDS, INTEGER).label("Delay between messages").range(0, 86400)
                .defaultValue(defaultSeconds).unit("seconds")
                .help("At most one message per window; 0 sends every frame.").build();
    }

    static SettingSpec onlyWithObjects(boolean defaultValue) {
        return SettingSpec.builder(ONLY_WITH_OBJECTS, BOOLEAN).label("Only frames with objects")
                .defaultValue(defaultValue).help("Skip frames without any object, as KAN does.").build();
    }

    static KanKey delayKey() {
        return KanKey.same(DELAY_SECONDS, "delay_buffer", SettingType.INTEGER);
    }
}
