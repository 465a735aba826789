package io.skilldesigner.engine.analytics;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Runtime of the catalog's {@link TrackerNode}: a {@link SortTracker} per node. */
public final class TrackerRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return TrackerNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) {
        SortTracker tracker = new SortTracker(config(settings));
        return frame -> frame.withObjects(tracker.update(frame.objects(), frame.sequence(), frame.timestampMillis()));
    }

    /** The tracker's configuration from its effective settings. */
    public static SortTracker.Config config(EffectiveSettings s) {
        return new SortTracker.Config(s.decimal(TrackerNode.IOU_THRESHOLD), (int) s.integer(TrackerNode.MAX_AGE),
                (int) s.integer(TrackerNode.MIN_HITS), s.bool(TrackerNode.MATCH_LABELS));
    }
}
