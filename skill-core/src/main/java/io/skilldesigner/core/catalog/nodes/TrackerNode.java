package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.DECIMAL;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;

import java.util.List;
import java.util.Optional;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;

/**
 * Gives objects stable track ids across frames (SORT-style: constant-velocity prediction, IoU matching) and
 * fills their tracking info (id, speed, direction). KAN has no tracker, so it has no KAN mapping.
 */
public final class TrackerNode extends NodeType {
    public static final String ID = "tracker";
    public static final String IOU_THRESHOLD = "iouThreshold";
    public static final String MAX_AGE = "maxAge";
    public static final String MIN_HITS = "minHits";
    public static final String MATCH_LABELS = "matchLabels";

    public TrackerNode() {
        super(ID, NodeCategory.PROCESS, "Object tracker",
                "Follows objects from frame to frame and gives each a stable track id, speed and direction.",
                "tracker", List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(IOU_THRESHOLD, DECIMAL).label("Minimum overlap (IoU)").range(0.01, 1)
                                .defaultValue(0.3)
                                .help("A detection continues a track when its box overlaps the track's predicted"
                                        + " box by at least this intersection-over-union.").build(),
                        SettingSpec.builder(MAX_AGE, INTEGER).label("Keep lost tracks for").range(0, 10000)
                                .defaultValue(15).unit("frames")
                                .help("A track not seen for more frames than this ends; a detection after"
                                        + " that starts a new track id. Zones and lines downstream use the same"
                                        + " number: a zone reports the occupant gone (zone-exit, reason lost) on"
                                        + " the frame the track ends. ByteTrack (supervision) keeps 30.").build(),
                        SettingSpec.builder(MIN_HITS, INTEGER).label("Confirm after").range(1, 1000)
                                .defaultValue(3).unit("frames")
                                .help("A new track gets an id only after it was matched in this many frames in"
                                        + " a row (by default on its 3rd frame); fewer false tracks, later ids."
                                        + " Counters count a track once it has its id; a line crossing made"
                                        + " before that still counts, from where the track started.").build(),
                        SettingSpec.builder(MATCH_LABELS, BOOLEAN).label("Match labels").defaultValue(true)
                                .help("Only continue a track with a detection of the same label.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.empty();
    }

    @Override
    public Optional<String> notInKan() {
        return Optional.of("KAN has no tracker node; its insights carry no track ids");
    }
}
