package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Runtime of the catalog's {@code model} node: looks the model up in the library, loads it through the shared
 * session cache (provider from the skill's acceleration) and returns a detector or classifier node. Remembers
 * which provider each node's model runs on, for the UI and CLI ({@link #providerReports()}).
 * <p>
 * Use {@code new ModelRuntimeFactory(sessions)} to share a session cache the caller owns and closes, or
 * {@code new ModelRuntimeFactory()} for a private cache closed by {@link #close()}.
 */
public final class ModelRuntimeFactory implements NodeRuntimeFactory, AutoCloseable {
    private final ModelSessions sessions;
    private final boolean ownsSessions;
    private final Map<String, ProviderReport> reports = new ConcurrentHashMap<>();

    public ModelRuntimeFactory(ModelSessions sessions) {
        this.sessions = sessions;
        this.ownsSessions = false;
    }

    public ModelRuntimeFactory() {
        this.sessions = new ModelSessions();
        this.ownsSessions = true;
    }

    @Override
    public String typeId() {
        return ModelNode.ID;
    }

    public ModelSessions sessions() {
        return sessions;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) {
        ModelNodeSettings s = ModelNodeSettings.from(settings);
        ModelDescriptor d = context.models().find(s.modelId()).orElseThrow(() -> new ModelException("node '"
                + node.id() + "': model '" + s.modelId() + "' is not in the model library"));
        boolean cuda = ExecutionProviderOverride.system().wantsCuda(context.skill() != null
                && context.skill().basics().acceleration().wantsCuda());
        ModelSpec spec = ModelSpec.of(d, context.workspaceDir(), cuda);
        ModelRunner runner;
        try {
            runner = ModelRunner.load(sessions, spec);
        } catch (ModelException e) {
            throw new ModelException("node '" + node.id() + "': " + e.getMessage(), e);
        }
        reports.put(node.id(), new ProviderReport(node.id(), spec.name(), spec.file(), runner.provider()));
        // as many frames in flight as the session's stages this stream may fill (see ModelSessions.framesInFlight)
        List<ModelRunner> runners = new ArrayList<>(List.of(runner));
        try {
            for (int i = sessions.framesInFlight(runner.session()); i > 1; i--) {
                runners.add(runner.sibling());
            }
        } catch (RuntimeException e) {
            runners.forEach(ModelRunner::close);
            throw new ModelException("node '" + node.id() + "': " + e.getMessage(), e);
        }
        if (d.task() == ModelTask.CLASSIFICATION) {
            return new ModelClassifierRuntime(node.id(), runners, s);
        }
        return new ModelDetectorRuntime(node.id(), runners, s);
    }

    /** The provider each created model node runs on, with the reason for any CPU fallback. */
    public List<ProviderReport> providerReports() {
        return new ArrayList<>(reports.values());
    }

    /** The provider report of one node, or null when it has not been created. */
    public ProviderReport providerReport(String nodeId) {
        return reports.get(nodeId);
    }

    @Override
    public void close() {
        if (ownsSessions) {
            sessions.close();
        }
    }
}
