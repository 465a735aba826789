package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.TEXT;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.FixedKanMapping;
import io.skilldesigner.core.catalog.KanKey;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeDeployment;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.SkillNode;

/** Sends insights to another IoT Edge module: output {@code localmetrics} routed to module/input. */
public final class IotEdgeModuleExportNode extends NodeType {
    public static final String ID = "iotedge-export";
    public static final String MODULE_NAME = "moduleName";
    public static final String MODULE_INPUT = "moduleInput";
    public static final String DELAY_SECONDS = InsightExports.DELAY_SECONDS;
    public static final String ONLY_WITH_OBJECTS = InsightExports.ONLY_WITH_OBJECTS;
    public static final String OUTPUT_NAME = "localmetrics";

    public IotEdgeModuleExportNode() {
        super(ID, NodeCategory.EXPORT, "Insights to IoT Edge module",
                "Sends each frame's insights to another module on the device (output 'localmetrics').", "iotedge",
                List.of(PortSpec.frameIn()), List.of(), List.of(
                        SettingSpec.builder(MODULE_NAME, TEXT).label("Module name").required()
                                .pattern(GrpcCustomNode.CONTAINER_NAME_PATTERN).build(),
                        SettingSpec.builder(MODULE_INPUT, TEXT).label("Module input").required()
                                .pattern("[A-Za-z0-9_-]+").defaultValue("input1").build(),
                        InsightExports.delaySeconds(10), InsightExports.onlyWithObjects(true)));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new FixedKanMapping("export", "iotedge_export", settings(), List.of(
                KanKey.same(MODULE_NAME, "module_name", TEXT),
                KanKey.same(MODULE_INPUT, "module_input", TEXT),
                InsightExports.delayKey()), Map.of()));
    }

    /** The runtime's {@value #OUTPUT_NAME} output is routed to the module's input. */
    @Override
    public NodeDeployment deployment(SkillNode node, Map<String, Object> settings) {
        return NodeDeployment.of(new NodeDeployment.ModuleRoute(NodeDeployment.requireText(settings, MODULE_NAME),
                NodeDeployment.requireText(settings, MODULE_INPUT)));
    }
}
