package io.skilldesigner.engine.analytics;

import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.TrackingInfo;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;

/** Builds deterministic frames with objects on known paths (10 fps, no pixels: analytics read metadata only). */
final class Synthetic {
    static final long FRAME_MS = 100;
    static final long START_MS = 1_700_000_000_000L;

    private Synthetic() {
    }

    static Frame frame(long seq, DetectedObject... objects) {
        return new Frame("f" + seq, seq, START_MS + seq * FRAME_MS, null, 640, 480, List.of(objects), List.of());
    }

    /** A 0.1 × 0.1 box whose top-left corner is at (l, t). */
    static DetectedObject box(String label, double l, double t) {
        return DetectedObject.of(label, 0.9f, new BBox((float) l, (float) t, 0.1f, 0.1f));
    }

    static DetectedObject tracked(String label, String id, double l, double t) {
        return box(label, l, t).withTracking(new TrackingInfo(id, 0f, 0f, 0f));
    }

    static NodeRuntime runtime(NodeRuntimeFactory factory, NodeType type, Map<String, Object> settings)
            throws Exception {
        SkillNode node = type.newNode("n1");
        return factory.create(node, EffectiveSettings.of(type, node.id(), settings), null);
    }
}
