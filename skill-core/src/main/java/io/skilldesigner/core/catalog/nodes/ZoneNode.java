package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.CHOICE;
import static io.skilldesigner.core.catalog.SettingType.POINT_LIST;
import static io.skilldesigner.core.catalog.SettingType.STRING_LIST;
import static io.skilldesigner.core.catalog.SettingType.TEXT;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/**
 * A polygonal region of interest: keeps or drops objects inside it and, for tracked objects, emits
 * {@code zone-enter} / {@code zone-exit} events with the time spent inside. An occupant the tracker upstream has
 * ended (after its "keep lost tracks for" frames) exits with reason {@code lost} on that frame. KAN has no
 * equivalent.
 */
public final class ZoneNode extends NodeType {
    public static final String ID = "zone";
    public static final String ZONE_NAME = "zoneName";
    public static final String POLYGON = "polygon";
    public static final String FILTER = "filter";
    public static final String FILTER_NONE = "none";
    public static final String FILTER_KEEP_INSIDE = "keep-inside";
    public static final String FILTER_KEEP_OUTSIDE = "keep-outside";
    public static final String ANCHOR = "anchor";
    public static final String ANCHOR_BOTTOM_CENTER = "bottom-center";
    public static final String ANCHOR_CENTER = "center";
    public static final String LABELS = "labels";

    public ZoneNode() {
        super(ID, NodeCategory.PROCESS, "Zone",
                "A polygon region: keeps or drops objects inside it and reports objects entering and leaving.",
                "zone", List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(ZONE_NAME, TEXT).label("Zone name").defaultValue("zone").required()
                                .pattern("[A-Za-z0-9 _.-]+").help("Named in the events this zone emits.").build(),
                        SettingSpec.builder(POLYGON, POINT_LIST).label("Polygon").required().min(3)
                                .defaultValue(List.of(List.of(0.25, 0.25), List.of(0.75, 0.25),
                                        List.of(0.75, 0.75), List.of(0.25, 0.75)))
                                .help("Corners as [x, y] fractions of the frame (0..1), at least three. A point"
                                        + " exactly on a left or top edge is inside, on a right or bottom edge"
                                        + " outside, so zones that share an edge never both hold an object.")
                                .build(),
                        SettingSpec.builder(FILTER, CHOICE).label("Objects")
                                .choices(FILTER_NONE, FILTER_KEEP_INSIDE, FILTER_KEEP_OUTSIDE).defaultValue(FILTER_NONE)
                                .help("none: pass every object on; keep-inside / keep-outside: drop the others.")
                                .build(),
                        SettingSpec.builder(ANCHOR, CHOICE).label("Object position")
                                .choices(ANCHOR_BOTTOM_CENTER, ANCHOR_CENTER).defaultValue(ANCHOR_BOTTOM_CENTER)
                                .help("Which point of an object's box must be inside: bottom centre (where a"
                                        + " person or vehicle touches the ground) or centre. A wide box over the"
                                        + " edge is inside only when this point is. Events need a tracker upstream;"
                                        + " an occupant unseen for longer than the tracker keeps lost tracks exits"
                                        + " with reason lost.").build(),
                        SettingSpec.builder(LABELS, STRING_LIST).label("Labels").picksLabels().defaultValue(List.of())
                                .help("Labels this zone looks at; empty means every label. Other objects pass"
                                        + " through unchanged.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.empty();
    }

    @Override
    public Optional<String> notInKan() {
        return Optional.of("KAN has no zone node");
    }

    @Override
    public List<Problem> checkSettings(SkillNode node, Map<String, Object> settings) {
        List<Problem> out = new ArrayList<>();
        if (settings.get(POLYGON) instanceof List<?> points) {
            Geometry.checkNormalised(node, POLYGON, points, out);
        }
        return out;
    }
}
