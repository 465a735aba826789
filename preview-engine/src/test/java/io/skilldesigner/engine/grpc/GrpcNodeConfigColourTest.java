package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** The handshake cannot negotiate colour, so the node's colour setting decides (BGR by default, as KAN). */
class GrpcNodeConfigColourTest {
    private final RuntimeContext ctx = new RuntimeContext(Skill.empty("s", "s"), ModelLibrary.empty(), Path.of("."),
            RunIdentity.preview("s"), ExportMessageListener.NONE, NodeStatusListener.NONE, false);

    private Map<String, Object> settings() {
        Map<String, Object> s = new HashMap<>();
        s.put(GrpcCustomNode.ENDPOINT_URL, "127.0.0.1:50051");
        return s;
    }

    private static EffectiveSettings effective(Map<String, Object> s) {
        return EffectiveSettings.of(new GrpcCustomNode(), "g", s);
    }

    @Test
    void bgrByDefault() throws Exception {
        assertEquals(ColorFormat.COLOR_FORMAT_BGR, GrpcNodeConfig.fromSettings(effective(settings()), ctx).color());
    }

    @Test
    void rgbWhenTheSettingSaysSo() throws Exception {
        Map<String, Object> s = settings();
        s.put(GrpcCustomNode.COLOR_FORMAT, "RGB");
        assertEquals(ColorFormat.COLOR_FORMAT_RGB, GrpcNodeConfig.fromSettings(effective(s), ctx).color());
    }
}
