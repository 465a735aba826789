package io.skilldesigner.engine.export;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Insights to IoT Hub: module output {@code metrics}, routed to {@code $upstream}. On the edge it sends through
 * the shared {@link EdgeModuleConnection}; in preview it shows the exact message and route and appends it to
 * {@code export-messages/<node id>.jsonl} in the workspace.
 */
public final class IotHubExportRuntimeFactory implements NodeRuntimeFactory {
    private final EdgeModuleConnection edge;

    public IotHubExportRuntimeFactory(EdgeModuleConnection edge) {
        this.edge = edge;
    }

    @Override
    public String typeId() {
        return IotHubExportNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) throws Exception {
        String route = EdgeRoutes.toIotHub(EdgeRoutes.runtimeModule(context.skill()));
        return ModuleOutputExport.create(node.id(), typeId(), settings, context,
                IotHubExportNode.OUTPUT_NAME, route, edge);
    }
}
