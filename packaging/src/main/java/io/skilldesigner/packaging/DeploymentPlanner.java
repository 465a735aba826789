package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.IotEdgeModuleExportNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.ResolvedSettings;
import io.skilldesigner.core.validation.SettingsResolver;

/** Reads a {@link DeploymentPlan} from a skill whose secrets have already been replaced by placeholders. */
public final class DeploymentPlanner {
    private final SettingsResolver resolver;

    public DeploymentPlanner(NodeCatalog catalog) {
        this.resolver = new SettingsResolver(catalog);
    }

    public DeploymentPlan plan(Skill redacted, List<SecretRef> secrets, String version) throws PackageException {
        String runtime = ModuleNames.runtimeModule(redacted);
        List<ContainerNode> containers = new ArrayList<>();
        List<DeploymentPlan.ModuleTarget> targets = new ArrayList<>();
        boolean toHub = false;
        Set<String> names = new HashSet<>(Set.of(runtime, "edgeAgent", "edgeHub"));
        for (SkillNode node : redacted.nodes()) {
            switch (node.typeId()) {
                case GrpcCustomNode.ID -> {
                    ResolvedSettings s = resolver.resolve(redacted, node);
                    if (GrpcCustomNode.CONTAINER.equals(s.get(GrpcCustomNode.MODE))) {
                        ContainerNode c = container(node, s);
                        if (!names.add(c.name())) {
                            throw new PackageException("node '" + node.id() + "': container name '" + c.name()
                                    + "' is already used by another module of this deployment");
                        }
                        containers.add(c);
                    }
                }
                case IotHubExportNode.ID -> toHub = true;
                case IotEdgeModuleExportNode.ID -> {
                    ResolvedSettings s = resolver.resolve(redacted, node);
                    targets.add(new DeploymentPlan.ModuleTarget(node.id(),
                            text(s, IotEdgeModuleExportNode.MODULE_NAME, node),
                            text(s, IotEdgeModuleExportNode.MODULE_INPUT, node)));
                }
                default -> {
                    // other node types run inside the runtime module and need nothing on the device
                }
            }
        }
        return new DeploymentPlan(redacted.id(), runtime, redacted.basics().acceleration(), version, containers,
                toHub, targets, secrets);
    }

    private static ContainerNode container(SkillNode node, ResolvedSettings s) throws PackageException {
        String where = "node '" + node.id() + "'";
        String options = CreateOptions.parse(
                s.get(GrpcCustomNode.CREATE_OPTIONS) instanceof String o ? o : "{}", where).toString();
        Map<String, String> env = new LinkedHashMap<>();
        if (s.get(GrpcCustomNode.ENV) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        Object port = s.get(GrpcCustomNode.PORT);
        if (!(port instanceof Number)) {
            throw new PackageException(where + ": port '" + port + "' is not a number");
        }
        Object policy = s.get(GrpcCustomNode.RESTART_POLICY);
        return new ContainerNode(node.id(), text(s, GrpcCustomNode.CONTAINER_NAME, node),
                text(s, GrpcCustomNode.IMAGE, node), options, policy == null ? "always" : String.valueOf(policy),
                ((Number) port).intValue(), env,
                "ARM64".equals(s.get(GrpcCustomNode.ARCHITECTURE)) ? Architecture.ARM64V8 : Architecture.AMD64);
    }

    private static String text(ResolvedSettings s, String key, SkillNode node) throws PackageException {
        Object v = s.get(key);
        if (v == null || String.valueOf(v).isBlank()) {
            throw new PackageException("node '" + node.id() + "': setting " + key + " is empty; validate the skill"
                    + " before exporting");
        }
        return String.valueOf(v);
    }
}
