package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.CHOICE;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;
import static io.skilldesigner.core.catalog.SettingType.STRING_LIST;

import java.util.List;
import java.util.Optional;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;

/**
 * Counts objects per label in each frame and over a sliding time window, and emits a {@code count-threshold}
 * event when a count reaches the threshold (once per rise). With a tracker upstream the window counts distinct
 * track ids (a track counts once it is confirmed; objects before that do not count again); without one it counts
 * the most objects seen in one frame of the window. KAN has no equivalent.
 */
public final class CounterNode extends NodeType {
    public static final String ID = "counter";
    public static final String LABELS = "labels";
    public static final String WINDOW_SECONDS = "windowSeconds";
    public static final String THRESHOLD = "threshold";
    public static final String THRESHOLD_ON = "thresholdOn";
    public static final String ON_FRAME = "frame";
    public static final String ON_WINDOW = "window";
    public static final String EMIT_COUNTS = "emitCounts";

    public CounterNode() {
        super(ID, NodeCategory.PROCESS, "Counter",
                "Counts objects per label in each frame and over a time window; raises an event at a threshold.",
                "counter", List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(LABELS, STRING_LIST).label("Labels").picksLabels().defaultValue(List.of())
                                .help("Labels to count; empty counts every label.").build(),
                        SettingSpec.builder(WINDOW_SECONDS, INTEGER).label("Window").range(1, 86400)
                                .defaultValue(60).unit("seconds")
                                .help("With a tracker upstream, the window count is the number of different"
                                        + " track ids seen in the last window: an object counts once, from the frame"
                                        + " its track is confirmed; its earlier, untracked frames do not count"
                                        + " again. Without a tracker: the largest number of objects in one frame of"
                                        + " the window. The frame count is every object in the frame.")
                                .build(),
                        SettingSpec.builder(THRESHOLD, INTEGER).label("Threshold").range(0, 1_000_000)
                                .defaultValue(0)
                                .help("Emit a count-threshold event when a label's count reaches this; 0 = off."
                                        + " It fires again only after the count fell below.").build(),
                        SettingSpec.builder(THRESHOLD_ON, CHOICE).label("Threshold applies to")
                                .choices(ON_FRAME, ON_WINDOW).defaultValue(ON_FRAME)
                                .help("frame: objects in one frame; window: objects over the window.").build(),
                        SettingSpec.builder(EMIT_COUNTS, BOOLEAN).label("Counts on every frame")
                                .defaultValue(false)
                                .help("Add an object-count event with the counts to every frame (exports then"
                                        + " carry them).").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.empty();
    }

    @Override
    public Optional<String> notInKan() {
        return Optional.of("KAN has no counting node; its insights carry no counts");
    }
}
