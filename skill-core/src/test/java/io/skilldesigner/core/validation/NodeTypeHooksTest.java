package io.skilldesigner.core.validation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.GraphContext;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

/**
 * A node type added outside the standard catalog gets its own reference and graph checks run by the validator,
 * which knows no node type: what one class declares is all it takes.
 */
class NodeTypeHooksTest {
    /** Needs a camera directly upstream and a tag its own kind does not share. */
    private static final class TaggedNode extends NodeType {
        static final String ID = "tagged";

        TaggedNode() {
            super(ID, NodeCategory.PROCESS, "Tagged", "Test node with its own graph checks.", "filter",
                    List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()),
                    List.of(SettingSpec.builder("tag", SettingType.TEXT).defaultValue("a").help("A tag.").build()));
        }

        @Override
        public Optional<KanMapping> kan() {
            return Optional.empty();
        }

        @Override
        public Optional<String> notInKan() {
            return Optional.of("test node");
        }

        @Override
        public List<Problem> checkReferences(SkillNode node, Map<String, Object> settings, ModelLibrary models) {
            return models.find(String.valueOf(settings.get("tag"))).isPresent() ? List.of()
                    : List.of(Problem.warning(node.id(), "tag", "no model named " + settings.get("tag")));
        }

        @Override
        public List<Problem> checkInGraph(SkillNode node, GraphContext graph) {
            List<Problem> out = new ArrayList<>();
            for (SkillNode other : graph.nodes()) {
                if (other.id().equals(node.id())) {
                    break;
                }
                if (ID.equals(other.typeId()) && graph.settings(other.id()).get("tag")
                        .equals(graph.settings(node.id()).get("tag"))) {
                    out.add(Problem.error(node.id(), "tag", "tag also used by " + other.id()));
                }
            }
            if (graph.upstreamOf(node.id()).stream().map(graph::node).flatMap(Optional::stream)
                    .noneMatch(n -> CameraInputNode.ID.equals(n.typeId()))) {
                out.add(Problem.error(node.id(), "", "needs a camera upstream"));
            }
            return out;
        }
    }

    @Test
    void theValidatorRunsEachTypesOwnReferenceAndGraphChecks() {
        List<NodeType> types = new ArrayList<>(NodeCatalog.standard().all());
        types.add(new TaggedNode());
        SkillValidator validator = new SkillValidator(new NodeCatalog(types), ModelLibrary.empty());
        Skill skill = Skill.empty("s", "Tags")
                .withNode(new SkillNode("cam", CameraInputNode.ID, "", Map.of(CameraInputNode.SOURCE_KIND, "file",
                        CameraInputNode.FILE_PATH_KEY, "door.mp4"), null))
                .withNode(new SkillNode("t1", TaggedNode.ID, "", Map.of(), null))
                .withNode(new SkillNode("t2", TaggedNode.ID, "", Map.of(), null))
                .withEdge(SkillEdge.of("cam", "f", "t1", "f"))
                .withEdge(SkillEdge.of("t1", "f", "t2", "f"));

        List<Problem> problems = validator.validate(skill);

        assertEquals(List.of(
                Problem.warning("t1", "tag", "no model named a"),
                Problem.warning("t2", "tag", "no model named a"),
                Problem.error("t2", "tag", "tag also used by t1")), problems);
    }
}
