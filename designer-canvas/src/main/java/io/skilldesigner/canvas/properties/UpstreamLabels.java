package io.skilldesigner.canvas.properties;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;

/**
 * The labels a node can pick from: those of the models at or upstream of it (every {@link SettingType#MODEL_REF}
 * setting, whatever the node type); detection models' labels win (objects carry a detector's labels, a classifier
 * only adds attributes), any model's when there is no detector.
 */
public final class UpstreamLabels {
    private UpstreamLabels() {
    }

    public static List<String> of(NodeCatalog catalog, Skill skill, String nodeId,
                                  Function<String, List<String>> labelsOfModel) {
        Set<String> labels = new LinkedHashSet<>();
        Set<String> detectorLabels = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        todo.add(nodeId);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (!seen.add(id)) {
                continue;
            }
            skill.node(id).ifPresent(n -> {
                for (String key : catalog.settingKeysOfType(n.typeId(), SettingType.MODEL_REF)) {
                    if (n.setting(key) instanceof String model && !model.isBlank()) {
                        List<String> l = labelsOfModel.apply(model);
                        if (l != null) {
                            labels.addAll(l);
                            if (!ModelNode.CLASSIFICATION.equals(n.setting(ModelNode.TASK))) {
                                detectorLabels.addAll(l);
                            }
                        }
                    }
                }
            });
            for (SkillEdge e : skill.edges()) {
                if (e.to().node().equals(id)) {
                    todo.add(e.from().node());
                }
            }
        }
        return List.copyOf(detectorLabels.isEmpty() ? labels : detectorLabels);
    }
}
