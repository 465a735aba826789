package io.skilldesigner.engine.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;

/** KAN's filter semantics: label in labels (empty = any) and confidence at least the minimum. */
class FilterRuntimeTest {
    private static final BBox B = new BBox(0, 0, 0.5f, 0.5f);

    private static Frame frame() {
        return new Frame("1", 1, 0, null, 10, 10, List.of(DetectedObject.of("person", 0.9f, B),
                DetectedObject.of("person", 0.4f, B), DetectedObject.of("car", 0.5f, B),
                DetectedObject.of("dog", 1f, B)), List.of());
    }

    private static List<String> labels(Frame f) {
        return f.objects().stream().map(o -> o.label() + "@" + o.confidence()).toList();
    }

    private static NodeRuntime create(Map<String, Object> settings) {
        return new FilterRuntimeFactory().create(new FilterNode().newNode("f"),
                EffectiveSettings.of(new FilterNode(), "f", settings), null);
    }

    @Test
    void keepsListedLabelsAtOrAboveTheMinimum() throws Exception {
        Frame out = create(Map.of(FilterNode.LABELS, List.of("person", "car"), FilterNode.MIN_CONFIDENCE, 0.5))
                .process(frame());
        assertEquals(List.of("person@0.9", "car@0.5"), labels(out));
    }

    @Test
    void emptyLabelsKeepAnyLabel() throws Exception {
        Frame out = create(Map.of(FilterNode.LABELS, List.of(), FilterNode.MIN_CONFIDENCE, 0.5)).process(frame());
        assertEquals(List.of("person@0.9", "car@0.5", "dog@1.0"), labels(out));
    }

    @Test
    void defaultsKeepEverythingAndReturnTheSameFrame() throws Exception {
        Frame in = frame();
        assertSame(in, create(Map.of()).process(in));
    }
}
