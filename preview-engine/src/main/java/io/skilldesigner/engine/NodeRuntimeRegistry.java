package io.skilldesigner.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.engine.analytics.CounterRuntimeFactory;
import io.skilldesigner.engine.analytics.LineCrossingRuntimeFactory;
import io.skilldesigner.engine.analytics.TrackerRuntimeFactory;
import io.skilldesigner.engine.analytics.ZoneRuntimeFactory;
import io.skilldesigner.engine.export.EdgeModuleConnection;
import io.skilldesigner.engine.export.HttpExportRuntimeFactory;
import io.skilldesigner.engine.export.IotEdgeModuleExportRuntimeFactory;
import io.skilldesigner.engine.export.IotHubExportRuntimeFactory;
import io.skilldesigner.engine.export.MqttExportRuntimeFactory;
import io.skilldesigner.engine.export.VideoSnippetExportRuntimeFactory;
import io.skilldesigner.engine.grpc.GrpcCustomRuntimeFactory;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.transform.FilterRuntimeFactory;

/**
 * Which factory builds the runtime of each catalog node type. Each node type's runtime is ONE factory class,
 * registered in {@link #standard()} and nowhere else. Source node types (camera input) are not listed: the
 * engine runs sources itself (see {@link io.skilldesigner.engine.source.SourceFactory}).
 * <p>
 * Closing the registry closes the factories that hold resources (e.g. the model factory's session cache).
 * {@link #standard()} makes fresh factories: the engine closes a registry it made itself; a registry passed to
 * the engine's builder stays the caller's to close.
 */
public final class NodeRuntimeRegistry implements AutoCloseable {
    private final Map<String, NodeRuntimeFactory> byType = new LinkedHashMap<>();

    public NodeRuntimeRegistry(Collection<? extends NodeRuntimeFactory> factories) {
        for (NodeRuntimeFactory f : factories) {
            if (byType.putIfAbsent(f.typeId(), f) != null) {
                throw new IllegalArgumentException("node type '" + f.typeId() + "' has two runtime factories");
            }
        }
    }

    /**
     * Every built-in runtime. Add one line per node type here. Refuses a half-registered node: a catalog type
     * with no runtime, or a runtime for a type the catalog does not have.
     */
    public static NodeRuntimeRegistry standard() {
        return standard(new ModelRuntimeFactory());
    }

    /** The built-in runtimes with this model factory (e.g. one sharing thread-tuned sessions the caller owns). */
    public static NodeRuntimeRegistry standard(ModelRuntimeFactory models) {
        return standard(models, new EdgeModuleConnection());
    }

    /** As {@link #standard(ModelRuntimeFactory)}; the IoT exports send through {@code edge} (shared with the twin). */
    public static NodeRuntimeRegistry standard(ModelRuntimeFactory models, EdgeModuleConnection edge) {
        NodeRuntimeRegistry registry = builtIn(models, edge);
        registry.requireComplete(NodeCatalog.standard());
        return registry;
    }

    private static NodeRuntimeRegistry builtIn(ModelRuntimeFactory models, EdgeModuleConnection edge) {
        // One IoT Edge module client for both IoT exports.
        return new NodeRuntimeRegistry(List.of(
                models,
                new FilterRuntimeFactory(),
                new GrpcCustomRuntimeFactory(),
                new TrackerRuntimeFactory(),
                new ZoneRuntimeFactory(),
                new LineCrossingRuntimeFactory(),
                new CounterRuntimeFactory(),
                new VideoSnippetExportRuntimeFactory(),
                new IotHubExportRuntimeFactory(edge),
                new IotEdgeModuleExportRuntimeFactory(edge),
                new MqttExportRuntimeFactory(),
                new HttpExportRuntimeFactory()));
    }

    /**
     * Checks that this registry and the catalog describe the same node types: every type that is not a source
     * (sources are run by the engine's {@link io.skilldesigner.engine.source.SourceFactory}) has a factory, and
     * every factory's type is in the catalog.
     *
     * @throws IllegalStateException naming each type that is registered on one side only
     */
    public void requireComplete(NodeCatalog catalog) {
        List<String> problems = new ArrayList<>();
        for (NodeType t : catalog.all()) {
            if (!t.isSource() && !byType.containsKey(t.id())) {
                problems.add("node type '" + t.id() + "' has no runtime factory");
            }
            if (t.isSource() && byType.containsKey(t.id())) {
                problems.add("source node type '" + t.id() + "' has a runtime factory, but the engine runs sources");
            }
        }
        byType.keySet().stream().filter(id -> catalog.find(id).isEmpty())
                .forEach(id -> problems.add("runtime factory for node type '" + id + "', which the catalog lacks"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("half-registered node types: " + String.join("; ", problems));
        }
    }

    public Optional<NodeRuntimeFactory> find(String typeId) {
        return Optional.ofNullable(byType.get(typeId));
    }

    public Set<String> typeIds() {
        return Set.copyOf(byType.keySet());
    }

    /** A copy with more factories (tests, plug-ins); a type already present is replaced. */
    public NodeRuntimeRegistry with(NodeRuntimeFactory... more) {
        Map<String, NodeRuntimeFactory> copy = new LinkedHashMap<>(byType);
        for (NodeRuntimeFactory f : more) {
            copy.put(f.typeId(), f);
        }
        return new NodeRuntimeRegistry(copy.values());
    }

    @Override
    public void close() {
        for (NodeRuntimeFactory f : byType.values()) {
            if (f instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    // One factory failing to release must not keep the others open; worth a log line only.
                    System.getLogger(NodeRuntimeRegistry.class.getName())
                            .log(System.Logger.Level.WARNING, "closing runtime factory " + f.typeId() + " failed", e);
                }
            }
        }
    }
}
