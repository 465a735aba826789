package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.DECIMAL;
import static io.skilldesigner.core.catalog.SettingType.STRING_LIST;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.FixedKanMapping;
import io.skilldesigner.core.catalog.KanKey;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;

/** Keeps objects whose label is listed (empty = any) and whose confidence is at least the minimum. */
public final class FilterNode extends NodeType {
    public static final String ID = "filter";
    public static final String LABELS = "labels";
    public static final String MIN_CONFIDENCE = "minConfidence";

    public FilterNode() {
        super(ID, NodeCategory.PROCESS, "Filter",
                "Keeps only objects with the chosen labels and at least the minimum confidence.", "filter",
                List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(LABELS, STRING_LIST).label("Labels").picksLabels().defaultValue(List.of())
                                .help("Labels to keep; empty keeps every label.").build(),
                        SettingSpec.builder(MIN_CONFIDENCE, DECIMAL).label("Minimum confidence").range(0, 1)
                                .defaultValue(0.0).help("0..1; KAN stores it as a percentage.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new FixedKanMapping("transform", "filter_transform", settings(), List.of(
                KanKey.same(LABELS, "labels", STRING_LIST),
                KanKey.percent(MIN_CONFIDENCE, "confidence_threshold")), Map.of()));
    }
}
