package io.skilldesigner.packaging;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The package's README.md: what is in it, how to deploy it, and the environment variables to set. */
final class PackageReadme {
    private PackageReadme() {
    }

    static String write(String skillName, DeploymentPlan plan, KubernetesManifests k8s, Map<String, String> routes,
                        List<String> modelFiles, List<String> warnings, Set<Architecture> architectures,
                        boolean withRuntime) {
        StringBuilder sb = new StringBuilder();
        String rt = plan.runtimeModule();
        sb.append("# Edge deployment package: ").append(skillName.isBlank() ? plan.skillId() : skillName)
                .append("\n\nSkill id `").append(plan.skillId()).append("`, runtime module `").append(rt)
                .append("`, acceleration ").append(plan.acceleration().displayName()).append(".\n\n");
        sb.append("""
                | path | what |
                | --- | --- |
                | skill.json | the skill in Skill Designer's format (secrets replaced by placeholders, see below) |
                | kan/skill.yaml | the skill in KAN's format, for the KAN / Azure Percept portal |
                | models/, labels/ | the model and label files the skill uses; `models/<id>.model.json` describes each model, with paths relative to this folder |
                | iotedge/ | IoT Edge deployment template and complete manifests per architecture |
                | k8s/ | Kubernetes manifests: `base/` and one folder per architecture (`kubectl apply -k k8s/<arch>`) |
                | runtime/ | the runtime (engine jars, natives per architecture in lib/) and the Dockerfiles that build its images from it; or, exported without the runtime, only its README |
                | checksums.sha256 | SHA-256 of every file (`sha256sum -c checksums.sha256`) |

                """);
        sb.append("## Secrets: environment variables to set\n\n");
        if (plan.secrets().isEmpty()) {
            sb.append("This skill has no secrets.\n\n");
        } else {
            sb.append("No secret is written into this package. Where the skill had one, it holds a placeholder"
                    + " (`${NAME}` for a whole value, `$NAME` inside a URL's user:password part) naming the environment"
                    + " variable that holds it on the device. Set each of these (the manifests pass them to the"
                    + " containers, and the runtime fills the placeholders from them):\n\n"
                    + "| variable | replaces |\n| --- | --- |\n");
            for (SecretRef s : plan.secrets()) {
                sb.append("| `").append(s.envVar()).append("` | ").append(s.what()).append(" |\n");
            }
            sb.append("\nImporting this package back into Skill Designer keeps the placeholders: enter the secrets"
                    + " again in the node forms (or keep the placeholders and set the variables for the preview).\n\n");
        }
        sb.append("## Runtime image\n\n").append(withRuntime
                ? "Build and push the runtime images from `runtime/` (this package carries the runtime: no source"
                        + " checkout or Maven needed) as `runtime/README.md` explains."
                : "This package was exported without the runtime: the images below must already be in your"
                        + " registry (built from a package with the runtime of the same version).")
                .append(" The manifests use `${CONTAINER_REGISTRY}/skill-designer-runtime:").append(plan.version())
                .append("-<variant>-<arch>`:\n\n");
        for (Architecture a : architectures) {
            RuntimeImage i = plan.runtimeImage(a);
            sb.append("- ").append(a.id()).append(": `").append(i.image()).append('`');
            if (withRuntime) {
                sb.append(" from `runtime/").append(i.dockerfile()).append('`');
            }
            sb.append('\n');
        }
        sb.append("\n## Deploy with Azure IoT Edge\n\n1. Copy this package folder (at least `skill.json`, ")
                .append(String.join(", ", k8s.claimFolders().stream().map(f -> "`" + f + "/`").toList()))
                .append(") to the device folder `")
                .append(IotEdgeManifests.deviceDir(rt)).append("/`, writable by uid 10001 (the runtime module binds it as `")
                .append(IotEdgeManifests.CONTAINER_PACKAGE_DIR).append("` and writes video clips to its `snippets/`).\n")
                .append("2. Export `CONTAINER_REGISTRY`, `CONTAINER_REGISTRY_USERNAME`, `CONTAINER_REGISTRY_PASSWORD`"
                        + " and the secret variables above, then fill the manifest for your device's architecture"
                        + " (only these variables: `$edgeAgent`, `$edgeHub` and `$upstream` must stay as they are):\n\n");
        for (Architecture a : architectures) {
            sb.append("       ").append(DeployCommand.envsubst(plan, a)).append('\n');
        }
        sb.append("\n   (With the IoT Edge dev tooling, put them in `.env` and use `iotedge/deployment.template.json`;"
                        + " set `SD_RUNTIME_IMAGE` to the image for your device's architecture.)\n")
                .append("3. `az iot edge set-modules --hub-name <hub> --device-id <device> --content"
                        + " deployment.<arch>.json`\n\n");
        sb.append("The runtime runs `run /package/skill.json --workspace /package`. The module twin carries the same"
                + " skill (desired property `skill`: the skill JSON in ordered chunks `json00`, `json01`, … with its"
                + " SHA-256). With `SD_SKILL_SOURCE=twin` in the runtime module's environment the runtime reads"
                + " the skill from there instead of `skill.json` and follows changes live: update the desired"
                + " property `skill` (all of it, with its `sha256`, e.g. from another export of a skill that uses"
                + " the models of this package) and the runtime checks the new skill and runs it in place of the"
                + " old; a missing or invalid one is refused and the old skill goes on. The reported property"
                + " `skill` (`id`, `sha256`, `status` running or refused, `error`) says what the device runs.\n\n");
        if (!routes.isEmpty()) {
            sb.append("Edge hub routes:\n\n");
            routes.forEach((k, v) -> sb.append("- `").append(k).append("`: `").append(v).append("`\n"));
            sb.append('\n');
        }
        if (!plan.moduleTargets().isEmpty()) {
            sb.append("The IoT Edge module export sends to modules this package does not deploy (");
            sb.append(String.join(", ", plan.moduleTargets().stream().map(t -> "`" + t.module() + "`").toList()));
            sb.append("): add them to the deployment. All such exports share the output `localmetrics`, so each"
                    + " target module receives the messages of all of them.\n\n");
        }
        sb.append("## Deploy on Kubernetes\n\n")
                .append("1. `kubectl create secret generic ").append(k8s.secretName());
        plan.secrets().forEach(s -> sb.append(" --from-literal=").append(s.envVar()).append("=..."));
        sb.append("`\n")
                .append("2. Set your registry in the runtime image of your nodes' architecture (the folder's"
                        + " Deployment runs only on nodes with that `kubernetes.io/arch`):\n\n");
        for (Architecture a : architectures) {
            String image = plan.runtimeImage(a).image().replace(RuntimeImage.REGISTRY_PLACEHOLDER,
                    "$CONTAINER_REGISTRY");
            sb.append("       (cd ").append(KubernetesManifests.folder(a)).append(" && kustomize edit set image ")
                    .append(KubernetesManifests.RUNTIME_IMAGE_NAME).append('=').append(image).append(")\n");
        }
        String folders = String.join(", ", k8s.claimFolders().stream().map(f -> "`" + f + "/`").toList());
        sb.append("\n3. `kubectl apply -k ").append(KubernetesManifests.DIR).append("/<arch>`, then copy ")
                .append(folders).append(" into the volume claim `")
                .append(k8s.claimName()).append("` (for example through a helper pod mounting it and"
                        + " `kubectl cp`). The runtime mounts these sub-folders of the claim.\n\n")
                .append("On a single-node cluster you may use a hostPath volume instead of the claim: replace the"
                        + " `models` volume in `k8s/<arch>/runtime-deployment.yaml` by `hostPath: {path: ")
                .append(IotEdgeManifests.deviceDir(rt)).append(", type: Directory}`.\n\n")
                .append("One runtime Deployment runs this skill for its camera(s); for another camera, deploy a copy"
                        + " with a different name and the skill parameter `rtsp` changed in the ConfigMap.\n\n");
        if (!plan.outputFolders().isEmpty()) {
            sb.append("## Files the runtime writes (video clips)\n\n| node | in the container | IoT Edge device folder |"
                    + " Kubernetes |\n| --- | --- | --- | --- |\n");
            for (DeploymentPlan.OutputFolder f : plan.outputFolders()) {
                sb.append("| ").append(f.nodeId()).append(" | `").append(f.containerPath()).append("` | `")
                        .append(IotEdgeManifests.outputDeviceDir(rt, f)).append("` | claim `")
                        .append(k8s.outputClaimName()).append("`, sub-folder `").append(f.nodeId()).append("` |\n");
            }
            sb.append("\nThe clips stay there (also in device mode, and also when they are uploaded to Blob Storage);"
                    + " nothing deletes old ones: clean the folder up on the device.\n\n");
        }
        if (!modelFiles.isEmpty()) {
            sb.append("## Models\n\n");
            modelFiles.forEach(f -> sb.append("- ").append(f).append('\n'));
            sb.append('\n');
        }
        if (!warnings.isEmpty()) {
            sb.append("## Warnings\n\n");
            warnings.forEach(w -> sb.append("- ").append(w).append('\n'));
            sb.append('\n');
        }
        return sb.toString();
    }
}
