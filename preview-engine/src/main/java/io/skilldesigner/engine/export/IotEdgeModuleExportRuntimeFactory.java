package io.skilldesigner.engine.export;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Insights to another IoT Edge module: module output {@code localmetrics}, routed to the configured module's
 * input. Edge and preview behave as in {@link IotHubExportRuntimeFactory}.
 */
public final class IotEdgeModuleExportRuntimeFactory implements NodeRuntimeFactory {
    private final EdgeModuleConnection edge;

    public IotEdgeModuleExportRuntimeFactory(EdgeModuleConnection edge) {
        this.edge = edge;
    }

    @Override
    public String typeId() {
        return IotEdgeModuleExportNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings s, RuntimeContext context) throws Exception {
        String route = EdgeRoutes.toModule(EdgeRoutes.runtimeModule(context.skill()),
                s.text(IotEdgeModuleExportNode.MODULE_NAME), s.text(IotEdgeModuleExportNode.MODULE_INPUT));
        return ModuleOutputExport.create(node.id(), typeId(), s, context, IotEdgeModuleExportNode.OUTPUT_NAME, route,
                edge);
    }
}
