package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.CHOICE;
import static io.skilldesigner.core.catalog.SettingType.DECIMAL;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;
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
 * {@code line-crossing} event per crossing. Direction {@code in} is crossing towards the side the line's arrow
 * points to ({@link #IN_SIDE}: left or right of A→B as seen on screen). A crossing counts once the anchor has
 * stayed {@link #MIN_FRAMES} frames beyond the {@link #DEAD_BAND} on the new side. KAN has no equivalent.
 */
public final class LineCrossingNode extends NodeType implements DirectedLine {
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
    public static final String IN_SIDE = "inSide";
    /** The arrow points to the left of A→B as seen on screen (a line drawn left to right: up), as supervision. */
    public static final String IN_SIDE_LEFT = "left";
    /** The arrow points to the right of A→B as seen on screen (a line drawn left to right: down). */
    public static final String IN_SIDE_RIGHT = "right";
    public static final String MIN_FRAMES = "minFramesOnNewSide";
    public static final String DEAD_BAND = "deadBand";

    public LineCrossingNode() {
        super(ID, NodeCategory.PROCESS, "Line crossing",
                "Counts tracked objects crossing a line, per label and direction (needs a tracker upstream).",
                "line", List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(LINE_NAME, TEXT).label("Line name").defaultValue("line").required()
                                .pattern("[A-Za-z0-9 _.-]+").help("Named in the events this line emits.").build(),
                        SettingSpec.builder(LINE, POINT_LIST).label("Line").required().range(2, 2)
                                .defaultValue(List.of(List.of(0.1, 0.5), List.of(0.9, 0.5)))
                                .help("Two points A and B as [x, y] fractions of the frame. Only crossings"
                                        + " between A and B count: walking around an end is no crossing, and an"
                                        + " anchor exactly on the line is on neither side. The arrow at the"
                                        + " middle shows the \"in\" side (see below).").build(),
                        SettingSpec.builder(IN_SIDE, CHOICE).label("In = towards the arrow, which points")
                                .choices(IN_SIDE_LEFT, IN_SIDE_RIGHT).defaultValue(IN_SIDE_LEFT)
                                .help("The preview draws the line with an arrow at its middle; crossing towards"
                                        + " the side it points to is \"in\", the other way \"out\". left: the"
                                        + " arrow points to the left of A→B as seen on screen (a line drawn left to"
                                        + " right: up), the convention of Roboflow supervision's LineZone, so its"
                                        + " start/end copied here as A/B count the same. right: the right of A→B"
                                        + " (a line drawn left to right: down); skills saved before this setting"
                                        + " existed meant this and keep it.").build(),
                        SettingSpec.builder(DIRECTION, CHOICE).label("Count direction")
                                .choices(DIRECTION_BOTH, DIRECTION_IN, DIRECTION_OUT).defaultValue(DIRECTION_BOTH)
                                .help("in: only crossings towards the arrow; out: only the other way; both:"
                                        + " both, counted separately.").build(),
                        SettingSpec.builder(MIN_FRAMES, INTEGER).label("Frames on the new side").range(1, 1000)
                                .defaultValue(2).unit("frames")
                                .help("A crossing counts once the object was seen this many times in a row on"
                                        + " the new side (beyond the dead band), on the last of them; a sighting"
                                        + " back on the old side or in the band starts again, frames without a"
                                        + " detection are skipped. Against detector jitter on the line; 1 counts"
                                        + " at once (as supervision's minimum_crossing_threshold=1).")
                                .build(),
                        SettingSpec.builder(DEAD_BAND, DECIMAL).label("Dead band").range(0, 0.5).defaultValue(0.0)
                                .help("Positions closer to the line than this count as on the line (neither"
                                        + " side), in frame fractions measured across the line (a horizontal"
                                        + " line: of the frame height; a vertical one: of its width). 0 = off.")
                                .build(),
                        SettingSpec.builder(ANCHOR, CHOICE).label("Object position")
                                .choices(ANCHOR_BOTTOM_CENTER, ANCHOR_CENTER).defaultValue(ANCHOR_BOTTOM_CENTER)
                                .help("The point of an object's box whose path must cross the line: bottom centre"
                                        + " (where a person or vehicle touches the ground: feet crossing count even"
                                        + " when the top of the box does not) or centre. supervision tests the"
                                        + " four corners instead; one anchor plus the frames and dead band above"
                                        + " damp jitter without that.").build(),
                        SettingSpec.builder(LABELS, STRING_LIST).label("Labels").picksLabels().defaultValue(List.of())
                                .help("Labels to count; empty counts every label.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.empty();
    }

    @Override
    public String lineKey() {
        return LINE;
    }

    @Override
    public String inSideKey() {
        return IN_SIDE;
    }

    @Override
    public int inSide(Map<String, Object> settings) {
        Object v = settings.get(IN_SIDE);
        return IN_SIDE_RIGHT.equals(v == null ? defaultSettings().get(IN_SIDE) : v) ? 1 : -1;
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
