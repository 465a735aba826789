package io.skilldesigner.core.catalog.nodes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.FixedKanMapping;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeDeployment;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.SkillNode;

/** Sends insights to IoT Hub through the runtime module's output {@code metrics} (routed to $upstream). */
public final class IotHubExportNode extends NodeType {
    public static final String ID = "iothub-export";
    public static final String DELAY_SECONDS = InsightExports.DELAY_SECONDS;
    public static final String ONLY_WITH_OBJECTS = InsightExports.ONLY_WITH_OBJECTS;
    public static final String OUTPUT_NAME = "metrics";

    public IotHubExportNode() {
        super(ID, NodeCategory.EXPORT, "Insights to IoT Hub",
                "Sends each frame's insights as a JSON message to IoT Hub (module output 'metrics').", "iothub",
                List.of(PortSpec.frameIn()), List.of(),
                List.of(InsightExports.delaySeconds(30), InsightExports.onlyWithObjects(true)));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new FixedKanMapping("export", "iothub_export", settings(),
                List.of(InsightExports.delayKey()), Map.of()));
    }

    /** The runtime's {@value #OUTPUT_NAME} output is routed upstream to IoT Hub. */
    @Override
    public NodeDeployment deployment(SkillNode node, Map<String, Object> settings) {
        return NodeDeployment.toIotHub();
    }
}
