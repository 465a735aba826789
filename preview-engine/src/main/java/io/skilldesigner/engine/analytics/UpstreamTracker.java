package io.skilldesigner.engine.analytics;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.SettingsResolver;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * The tracker upstream of an analytics node, read from the running skill, so that the tracker's settings are the
 * one source of truth for a track's lifetime: a zone ends an unseen occupant, and a line forgets a track, on the
 * frame the tracker ends it.
 *
 * @param present whether a tracker node feeds this node (directly or through other nodes)
 * @param maxAge  how many frames in a row a track may go unseen before it ends (the tracker's "keep lost tracks
 *                for"; with several trackers upstream the longest; without one the catalog default, for objects
 *                tracked elsewhere, e.g. by a gRPC node)
 */
record UpstreamTracker(boolean present, int maxAge) {
    private static final TrackerNode TYPE = new TrackerNode();

    /** No tracker upstream (also: a runtime built without a running skill, as in unit tests). */
    static UpstreamTracker none() {
        return new UpstreamTracker(false, TrackerRuntimeFactory.config(EffectiveSettings.defaults(TYPE, "")).maxAge());
    }

    static UpstreamTracker of(RuntimeContext context, SkillNode node) {
        if (context == null || context.skill() == null) {
            return none();
        }
        Skill skill = context.skill();
        Deque<String> todo = new ArrayDeque<>(Set.of(node.id()));
        Set<String> seen = new HashSet<>(todo);
        int maxAge = -1;
        while (!todo.isEmpty()) {
            for (SkillEdge e : skill.edgesInto(todo.pop())) {
                String from = e.from().node();
                SkillNode up = skill.node(from).orElse(null);
                if (up == null || !seen.add(from)) {
                    continue;
                }
                if (TrackerNode.ID.equals(up.typeId())) {
                    maxAge = Math.max(maxAge, maxAgeOf(skill, up));  // ids above a tracker are replaced by its own
                } else {
                    todo.add(from);
                }
            }
        }
        return maxAge < 0 ? none() : new UpstreamTracker(true, maxAge);
    }

    private static int maxAgeOf(Skill skill, SkillNode tracker) {
        // resolved as the engine resolves the tracker's own settings ($param, defaults, conversion)
        var values = new SettingsResolver(NodeCatalog.standard()).resolve(skill, tracker).values();
        return TrackerRuntimeFactory.config(EffectiveSettings.of(TYPE, tracker.id(), values)).maxAge();
    }
}
