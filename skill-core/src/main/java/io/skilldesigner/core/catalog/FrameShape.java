package io.skilldesigner.core.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.nodes.DirectedLine;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.SettingsResolver;

/**
 * A shape a skill defines on the frame, for overlays: every POINT_LIST setting of its nodes (a polygon for a zone,
 * a segment for a line), found through the catalog, in normalised coordinates (0..1, y down).
 *
 * @param name   the node's display name
 * @param points [x, y] pairs
 * @param inSide for a line with an "in" side ({@link DirectedLine}): +1 the arrow points to the right of A→B as
 *               seen on screen, -1 to the left; 0 for shapes without a direction
 */
public record FrameShape(String name, List<List<Double>> points, int inSide) {
    public FrameShape {
        points = List.copyOf(points);
    }

    /** The shapes of the skill's nodes; settings that are not valid point lists are left out (validation says why). */
    public static List<FrameShape> of(Skill skill, NodeCatalog catalog) {
        SettingsResolver resolver = new SettingsResolver(catalog);
        List<FrameShape> out = new ArrayList<>();
        for (SkillNode n : skill.nodes()) {
            NodeType t = catalog.find(n.typeId()).orElse(null);
            if (t == null) {
                continue;
            }
            Map<String, Object> values = resolver.resolve(skill, n).values();
            for (SettingSpec spec : t.settings()) {
                if (spec.type() == SettingType.POINT_LIST && values.get(spec.key()) instanceof List<?> raw) {
                    try {
                        @SuppressWarnings("unchecked")
                        List<List<Double>> pts = (List<List<Double>>) SettingType.POINT_LIST.coerce(raw);
                        int side = t instanceof DirectedLine d && d.lineKey().equals(spec.key()) && pts.size() == 2
                                ? d.inSide(values) : 0;
                        out.add(new FrameShape(n.displayName().isBlank() ? n.id() : n.displayName(), pts, side));
                    } catch (IllegalArgumentException invalid) {
                        // an invalid point list is reported by validation; overlays just leave it out
                    }
                }
            }
        }
        return List.copyOf(out);
    }
}
