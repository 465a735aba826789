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
 * Counts tracked objects crossing a line segment from A to B, per label and direction, and emits a
 * {@code line-crossing} event per crossing. Direction {@code in} is crossing from the left of A→B to its right
 * as seen on screen (for a line drawn left to right: moving down). KAN has no equivalent.
 */
public final class LineCrossingNode extends NodeType {
    public static final String ID = "line-crossing";
    public static final String LINE_NAME = "lineName";
    public static final String LINE = "line";
    public static final String DIRECTION = "direction";
    public static final String DIRECTION_BOTH = "both";
    public static final String DIRECTION_IN = "in";
    public static final String DIRECTION_OUT = "out";
    public static final String ANCHOR = ZoneNode.ANCHOR;
    public static final String ANCHOR_BOTTOM_CENTER = ZoneNode.ANCHOR_BOTTOM_CENTER;
    public static final String ANCHOR_CENTER = ZoneNode.ANCHOR_CENTER;
    public static final String LABELS = "labels";

    public LineCrossingNode() {
        super(ID, NodeCategory.PROCESS, "Line crossing",
                "Counts tracked objects crossing a line, per label and direction (needs a tracker upstream).",
                "line", List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(LINE_NAME, TEXT).label("Line name").defaultValue("line").required()
                                .pattern("[A-Za-z0-9 _.-]+").help("Named in the events this line emits.").build(),
                        SettingSpec.builder(LINE, POINT_LIST).label("Line").required().range(2, 2)
                                .defaultValue(List.of(List.of(0.1, 0.5), List.of(0.9, 0.5)))
                                .help("Two points A and B as [x, y] fractions of the frame. Only crossings"
                                        + " between A and B count.").build(),
                        SettingSpec.builder(DIRECTION, CHOICE).label("Count direction")
                                .choices(DIRECTION_BOTH, DIRECTION_IN, DIRECTION_OUT).defaultValue(DIRECTION_BOTH)
                                .help("in: from the left of A→B to its right as seen on screen (a line drawn"
                                        + " left to right: moving down); out: the other way.").build(),
                        SettingSpec.builder(ANCHOR, CHOICE).label("Object position")
                                .choices(ANCHOR_BOTTOM_CENTER, ANCHOR_CENTER).defaultValue(ANCHOR_BOTTOM_CENTER)
                                .help("The point of an object's box whose path must cross the line.").build(),
                        SettingSpec.builder(LABELS, STRING_LIST).label("Labels").picksLabels().defaultValue(List.of())
                                .help("Labels to count; empty counts every label.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.empty();
    }

    @Override
    public Optional<String> notInKan() {
        return Optional.of("KAN has no line-crossing node");
    }

    @Override
    public List<Problem> checkSettings(SkillNode node, Map<String, Object> settings) {
        List<Problem> out = new ArrayList<>();
        if (settings.get(LINE) instanceof List<?> points) {
            Geometry.checkNormalised(node, LINE, points, out);
            if (points.size() == 2 && points.get(0).equals(points.get(1))) {
                out.add(Problem.error(node.id(), LINE, "The line's two points are the same; a line needs a length"));
            }
        }
        return out;
    }
}
