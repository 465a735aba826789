package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeDeployment;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.SettingsResolver;

/**
 * Reads a {@link DeploymentPlan} from a skill whose secrets have already been replaced by placeholders: it collects
 * what each node type says it adds to the deployment ({@link NodeType#deployment}), knowing no node type itself.
 */
public final class DeploymentPlanner {
    private final NodeCatalog catalog;
    private final SettingsResolver resolver;

    public DeploymentPlanner(NodeCatalog catalog) {
        this.catalog = catalog;
        this.resolver = new SettingsResolver(catalog);
    }

    public DeploymentPlan plan(Skill redacted, List<SecretRef> secrets, String version) throws PackageException {
        String runtime = ModuleNames.runtimeModule(redacted);
        List<ContainerNode> containers = new ArrayList<>();
        List<DeploymentPlan.ModuleTarget> targets = new ArrayList<>();
        List<DeploymentPlan.OutputFolder> folders = new ArrayList<>();
        boolean toHub = false;
        Set<String> names = new HashSet<>(Set.of(runtime, "edgeAgent", "edgeHub"));
        for (SkillNode node : redacted.nodes()) {
            Optional<NodeType> type = catalog.find(node.typeId());
            if (type.isEmpty()) {
                continue; // the validator refuses unknown types before an export gets here
            }
            String where = "node '" + node.id() + "'";
            NodeDeployment needs;
            try {
                needs = type.get().deployment(node, resolver.resolve(redacted, node).values());
            } catch (IllegalArgumentException e) {
                throw new PackageException(where + ": " + e.getMessage());
            }
            for (NodeDeployment.Container c : needs.containers()) {
                if (!names.add(c.name())) {
                    throw new PackageException(where + ": container name '" + c.name()
                            + "' is already used by another module of this deployment");
                }
                containers.add(new ContainerNode(node.id(), c.name(), c.image(),
                        CreateOptions.parse(c.createOptions(), where).toString(), c.restartPolicy(), c.port(),
                        c.env(), c.arm64Only() ? Architecture.ARM64V8 : Architecture.AMD64));
            }
            toHub |= needs.sendsToIotHub();
            needs.writesFolders().forEach(f -> folders.add(new DeploymentPlan.OutputFolder(node.id(), f)));
            needs.moduleRoutes().forEach(r -> targets.add(new DeploymentPlan.ModuleTarget(node.id(), r.moduleName(),
                    r.input())));
        }
        return new DeploymentPlan(redacted.id(), runtime, redacted.basics().acceleration(), version, containers,
                toHub, targets, secrets, folders);
    }
}
