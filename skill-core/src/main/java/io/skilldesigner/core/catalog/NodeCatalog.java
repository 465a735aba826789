package io.skilldesigner.core.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.CounterNode;

/** The node types a skill can use, by id, in palette order. */
public final class NodeCatalog {
    private final Map<String, NodeType> types = new LinkedHashMap<>();

    public NodeCatalog(Collection<? extends NodeType> nodeTypes) {
        for (NodeType t : nodeTypes) {
            if (types.putIfAbsent(t.id(), t) != null) {
                throw new IllegalArgumentException("node type '" + t.id() + "' registered twice");
            }
        }
    }

    /** Every built-in node type. Register a new node type here and nowhere else. */
    public static NodeCatalog standard() {
        return new NodeCatalog(List.of(
                new CameraInputNode(),
                new ModelNode(),
                new FilterNode(),
                new GrpcCustomNode(),
                new TrackerNode(),
                new ZoneNode(),
                new LineCrossingNode(),
                new CounterNode(),
                new VideoSnippetExportNode(),
                new IotHubExportNode(),
                new IotEdgeModuleExportNode(),
                new MqttExportNode(),
                new HttpExportNode()));
    }

    public Optional<NodeType> find(String typeId) {
        return Optional.ofNullable(types.get(typeId));
    }

    public NodeType get(String typeId) {
        NodeType t = types.get(typeId);
        if (t == null) {
            throw new IllegalArgumentException("unknown node type '" + typeId + "'");
        }
        return t;
    }

    /**
     * The keys of a node type's settings of one value type (e.g. the {@link SettingType#MODEL_REF}s a package
     * must carry), so code outside the catalog finds settings by meaning, not by node type; none for an unknown
     * type.
     */
    public List<String> settingKeysOfType(String typeId, SettingType type) {
        return find(typeId).map(t -> t.settingsOfType(type).stream().map(SettingSpec::key).toList())
                .orElse(List.of());
    }

    public List<NodeType> all() {
        return List.copyOf(types.values());
    }

    public List<NodeType> inCategory(NodeCategory category) {
        return types.values().stream().filter(t -> t.category() == category).toList();
    }

    /** The node type a KAN node maps to, if any. */
    public Optional<NodeType> forKan(String kanType, String kanName) {
        return types.values().stream()
                .filter(t -> t.kan().map(k -> k.matches(kanType, kanName)).orElse(false))
                .findFirst();
    }
}
