package io.skilldesigner.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.skill.SkillNode;

class SettingsResolverTest {
    private final SettingsResolver resolver = new SettingsResolver(NodeCatalog.standard());

    @Test
    void coercesFillsDefaultsAndKeepsUnknownKeys() {
        SkillNode n = new SkillNode("m", ModelNode.ID, "", Map.of(ModelNode.MODEL, "det", ModelNode.CONFIDENCE, "0.7",
                ModelNode.MAX_IMAGES, 3.0, "custom", List.of("x")), null);
        ResolvedSettings r = resolver.resolve(n, Map.of());
        assertTrue(r.isUsable(), r.problems().toString());
        assertEquals(0.7, r.get(ModelNode.CONFIDENCE));
        assertEquals(3L, r.get(ModelNode.MAX_IMAGES));
        assertEquals(1.0, r.get(ModelNode.CONFIDENCE_UPPER), "default filled in");
        assertEquals(ModelNode.DETECTION, r.get(ModelNode.TASK));
        assertEquals(List.of("x"), r.get("custom"));
    }

    @Test
    void resolvesWholeAndEmbeddedPlaceholders() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("conf", "55e-2");
        params.put("host", "cam.local");
        params.put("rtsp", "invalid");
        SkillNode filter = new SkillNode("f", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, "$param(conf)"), null);
        assertEquals(0.55, resolver.resolve(filter, params).get(FilterNode.MIN_CONFIDENCE));
        SkillNode cam = new SkillNode("c", CameraInputNode.ID, "",
                Map.of(CameraInputNode.RTSP_URL, "rtsp://$param(host):554/live"), null);
        ResolvedSettings r = resolver.resolve(cam, params);
        assertEquals("rtsp://cam.local:554/live", r.get(CameraInputNode.RTSP_URL));
        assertEquals(List.of(), r.problems());
        // left to the deployment: the placeholder stays, with a warning, and the values are still usable
        SkillNode deploy = cam.withSetting(CameraInputNode.RTSP_URL, "$param(rtsp)");
        ResolvedSettings d = resolver.resolve(deploy, params);
        assertEquals("$param(rtsp)", d.get(CameraInputNode.RTSP_URL));
        assertEquals(List.of(Problem.warning("c", "rtspUrl",
                "RTSP URL comes from parameter 'rtsp', which is set at deployment")), d.problems());
        assertTrue(d.isUsable());
        assertEquals(Set.of(CameraInputNode.RTSP_URL), d.placeholderKeys());
        assertEquals(Set.of(), r.placeholderKeys());
    }

    @Test
    void failedValuesAreReportedNotDefaulted() {
        SkillNode n = new SkillNode("f", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, "lots"), null);
        ResolvedSettings r = resolver.resolve(n, Map.of());
        assertFalse(r.isUsable());
        assertFalse(r.values().containsKey(FilterNode.MIN_CONFIDENCE));
        assertEquals(Set.of(FilterNode.MIN_CONFIDENCE), r.failedKeys());
        assertEquals(List.of(Problem.error("f", "minConfidence", "Minimum confidence: expected a number, got 'lots'")),
                r.problems());
    }

    @Test
    void problemsOfDisabledSettingsAreDropped() {
        SkillNode n = new SkillNode("c", CameraInputNode.ID, "", Map.of(CameraInputNode.SOURCE_KIND, "webcam",
                CameraInputNode.LOOP, "sometimes", CameraInputNode.RTSP_URL, "$param(nowhere)"), null);
        assertEquals(List.of(), resolver.resolve(n, Map.of()).problems());
    }

    @Test
    void paramNamesLookIntoListsAndMaps() {
        assertEquals(Set.of("a", "b", "c"), SettingsResolver.paramNames(
                Map.of("k", List.of("$param(a)", "x $param(b) y"), "j", "$param(c)")));
    }
}
