package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeDeployment;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/** The planner collects what each node type says it adds to a deployment, for built-in and new types alike. */
class DeploymentPlannerTest {
    /** A node type that brings its own sidecar container. */
    private static final class SidecarNode extends NodeType {
        static final String ID = "sidecar";

        SidecarNode() {
            super(ID, NodeCategory.PROCESS, "Sidecar", "Test node deployed with a container.", "grpc",
                    List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()),
                    List.of(SettingSpec.builder("name", SettingType.TEXT).help("Module name.").build()));
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
        public NodeDeployment deployment(SkillNode node, Map<String, Object> settings) {
            return NodeDeployment.of(new NodeDeployment.Container(NodeDeployment.requireText(settings, "name"),
                    "example.azurecr.io/sidecar:1", "{}", "always", 5000, Map.of("MODE", "fast")));
        }
    }

    private final NodeCatalog catalog = withSidecar();

    private static NodeCatalog withSidecar() {
        List<NodeType> types = new ArrayList<>(NodeCatalog.standard().all());
        types.add(new SidecarNode());
        return new NodeCatalog(types);
    }

    private static Skill skill(String sidecarName) {
        return Skill.empty("s1", "Sidecars")
                .withNode(new CameraInputNode().newNode("cam"))
                .withNode(new SkillNode("side", SidecarNode.ID, "", Map.of("name", sidecarName), null))
                .withNode(new IotHubExportNode().newNode("hub"))
                .withNode(new IotEdgeModuleExportNode().newNode("edge")
                        .withSetting(IotEdgeModuleExportNode.MODULE_NAME, "alerts"));
    }

    @Test
    void collectsContainersAndRoutesFromEachNodeType() throws PackageException {
        DeploymentPlan plan = new DeploymentPlanner(catalog).plan(skill("colour"), List.of(), "1.0");

        assertEquals(1, plan.containers().size());
        ContainerNode c = plan.containers().get(0);
        assertEquals("side", c.nodeId());
        assertEquals("colour", c.name());
        assertEquals(5000, c.port());
        assertEquals(Map.of("MODE", "fast"), c.env());
        assertTrue(plan.toIotHub());
        assertEquals(List.of(new DeploymentPlan.ModuleTarget("edge", "alerts", "input1")), plan.moduleTargets());
    }

    @Test
    void aMissingSettingOrATakenModuleNameNamesTheNode() {
        PackageException empty = assertThrows(PackageException.class,
                () -> new DeploymentPlanner(catalog).plan(skill(" "), List.of(), "1.0"));
        assertEquals("node 'side': setting name is empty; validate the skill before exporting", empty.getMessage());

        PackageException taken = assertThrows(PackageException.class,
                () -> new DeploymentPlanner(catalog).plan(skill("edgeHub"), List.of(), "1.0"));
        assertTrue(taken.getMessage().startsWith("node 'side': container name 'edgeHub' is already used"),
                taken.getMessage());
        assertFalse(taken.getMessage().contains("null"), taken.getMessage());
    }
}
