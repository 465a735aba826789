package io.skilldesigner.core.catalog.nodes;

import java.util.List;

import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/** Checks shared by the analytics nodes whose settings hold normalised points. */
final class Geometry {
    private Geometry() {
    }

    /** Adds an error for each point outside 0..1. */
    static void checkNormalised(SkillNode node, String key, List<?> points, List<Problem> out) {
        for (int i = 0; i < points.size(); i++) {
            if (points.get(i) instanceof List<?> p && p.size() == 2 && p.get(0) instanceof Number x
                    && p.get(1) instanceof Number y) {
                double px = x.doubleValue();
                double py = y.doubleValue();
                if (px < 0 || px > 1 || py < 0 || py > 1) {
                    out.add(Problem.error(node.id(), key, "Point " + (i + 1) + " [" + px + ", " + py
                            + "] is outside the frame; use fractions between 0 and 1"));
                }
            }
        }
    }
}
