package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import io.skilldesigner.core.skill.SecretEnvironment;

/**
 * Kubernetes manifests running the same skill on a cluster, as kustomizations: {@code base/} holds a ConfigMap
 * with skill.json, a PersistentVolumeClaim for models and labels (the operator copies the package's models/ and
 * labels/ into it; a hostPath alternative is documented in the package README), and a Deployment plus a Service per
 * gRPC container node (the Service carries the container name, so the endpoint {@code <container_name>:<port>} the
 * skill dials resolves in the namespace; each scheduled on its image's architecture). One folder per target
 * architecture ({@code amd64/}, {@code arm64v8/}) adds the runtime Deployment for it: scheduled on that
 * architecture's nodes ({@code nodeSelector: kubernetes.io/arch}) with that architecture's image, the same tag as
 * its IoT Edge manifest ({@code kubectl apply -k k8s/<arch>}). Secrets come from a Secret the operator creates; it
 * is referenced, never written.
 */
public final class KubernetesManifests {
    public static final String DIR = "k8s";
    public static final String RUNTIME_IMAGE_NAME = "skill-designer-runtime";
    public static final String BASE = "base";
    /** Size asked for the output claim: clips are 10-600 s each, at most one per minute per node by default. */
    static final int OUTPUT_CLAIM_GIB = 10;
    /** The runtime image's user (Dockerfiles: useradd --uid 10001): it must be able to write the output claim. */
    static final long RUNTIME_UID = 10001;
    public static final String KUSTOMIZATION = "kustomization.yaml";
    public static final String RUNTIME_DEPLOYMENT = "runtime-deployment.yaml";
    private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{?(" + SecretPlaceholders.PREFIX
            + "[A-Z0-9_]+)}?$");

    private final DeploymentPlan plan;
    private final String skillJson;
    private final long modelBytes;
    private final Set<Architecture> architectures;

    private final boolean media;

    /**
     * @param modelBytes bytes the claim holds (models, labels, media)
     * @param media      the package carries video files for file camera inputs ({@code media/}): on the claim too
     */
    public KubernetesManifests(DeploymentPlan plan, String skillJson, long modelBytes,
                               Set<Architecture> architectures, boolean media) {
        this.plan = plan;
        this.skillJson = skillJson;
        this.modelBytes = modelBytes;
        this.architectures = EnumSet.copyOf(architectures);
        this.media = media;
    }

    /** Package folders the operator copies into the models claim (the runtime mounts each from it). */
    public List<String> claimFolders() {
        return media ? List.of("models", "labels", SourceFiles.MEDIA) : List.of("models", "labels");
    }

    /** {@code k8s/<arch>}: the folder to apply for devices of an architecture. */
    public static String folder(Architecture arch) {
        return DIR + "/" + arch.id();
    }

    public String runtimeName() {
        return ModuleNames.k8s(plan.runtimeModule());
    }

    public String configMapName() {
        return runtimeName() + "-skill";
    }

    public String claimName() {
        return runtimeName() + "-models";
    }

    /** The claim that keeps the files nodes write (video clips); only when a node writes any. */
    public String outputClaimName() {
        return runtimeName() + "-output";
    }

    public String secretName() {
        return runtimeName() + "-secrets";
    }

    /** Path inside k8s/ ({@code base/...}, {@code <arch>/...}) → YAML text, each folder's kustomization last. */
    public Map<String, String> files() {
        Map<String, String> base = new LinkedHashMap<>();
        base.put("skill-configmap.yaml", dump(List.of(configMap())));
        base.put("models-pvc.yaml", dump(List.of(claim())));
        if (!plan.outputFolders().isEmpty()) {
            base.put("output-pvc.yaml", dump(List.of(outputClaim())));
        }
        for (ContainerNode c : plan.containers()) {
            String name = ModuleNames.k8s(c.name());
            base.put("grpc-" + name + ".yaml", dump(List.of(grpcDeployment(c, name), grpcService(c, name))));
        }
        base.put(KUSTOMIZATION, dump(List.of(kustomization(new ArrayList<>(base.keySet()), null))));
        Map<String, String> out = new LinkedHashMap<>();
        base.forEach((k, v) -> out.put(BASE + "/" + k, v));
        for (Architecture a : architectures) {
            out.put(a.id() + "/" + RUNTIME_DEPLOYMENT, dump(List.of(runtimeDeployment(a))));
            out.put(a.id() + "/" + KUSTOMIZATION, dump(List.of(kustomization(List.of("../" + BASE,
                    RUNTIME_DEPLOYMENT), plan.runtimeImage(a)))));
        }
        return out;
    }

    /** Container names that are not valid Service names: the runtime could not resolve them in the cluster. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (ContainerNode c : plan.containers()) {
            if (!ModuleNames.k8s(c.name()).equals(c.name())) {
                out.add("gRPC node '" + c.nodeId() + "': container name '" + c.name() + "' is not a valid Kubernetes"
                        + " Service name; the Service is called '" + ModuleNames.k8s(c.name()) + "'. Use a lower-case"
                        + " container name (letters, digits, '-') so the endpoint resolves on a cluster.");
            }
        }
        return out;
    }

    private Map<String, Object> configMap() {
        Map<String, Object> m = object("v1", "ConfigMap", configMapName());
        m.put("data", Map.of("skill.json", skillJson));
        return m;
    }

    private Map<String, Object> claim() {
        Map<String, Object> m = object("v1", "PersistentVolumeClaim", claimName());
        long gib = Math.max(1, (modelBytes * 2 + (1L << 30) - 1) >> 30);
        m.put("spec", map("accessModes", List.of("ReadWriteOnce"),
                "resources", map("requests", map("storage", gib + "Gi"))));
        return m;
    }

    private Map<String, Object> outputClaim() {
        Map<String, Object> m = object("v1", "PersistentVolumeClaim", outputClaimName());
        m.put("spec", map("accessModes", List.of("ReadWriteOnce"),
                "resources", map("requests", map("storage", OUTPUT_CLAIM_GIB + "Gi"))));
        return m;
    }

    private Map<String, Object> runtimeDeployment(Architecture arch) {
        String dir = IotEdgeManifests.CONTAINER_PACKAGE_DIR;
        List<Object> env = new ArrayList<>();
        for (SecretRef s : plan.runtimeSecrets()) {
            env.add(secretEnv(s.envVar()));
        }
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "runtime");
        container.put("image", RUNTIME_IMAGE_NAME);
        container.put("args", List.of("run", dir + "/skill.json", "--workspace", dir));
        container.put("env", env);
        List<Object> mounts = new ArrayList<>(List.of(
                map("name", "skill", "mountPath", dir + "/skill.json", "subPath", "skill.json", "readOnly", true)));
        claimFolders().forEach(f -> mounts.add(map("name", "models", "mountPath", dir + "/" + f, "subPath", f,
                "readOnly", true)));
        // each writing node's folder (video clips) on the output claim, one sub-folder per node
        plan.outputFolders().forEach(f -> mounts.add(map("name", "output", "mountPath", f.containerPath(),
                "subPath", f.nodeId())));
        container.put("volumeMounts", mounts);
        Map<String, Object> pod = new LinkedHashMap<>();
        if (plan.runtimeImage(arch).gpu()) {
            container.put("resources", map("limits", map("nvidia.com/gpu", 1)));
        }
        pod.put("containers", List.of(container));
        // the image is built for one architecture (its kustomization sets that tag): run it only on such nodes
        pod.put("nodeSelector", map("kubernetes.io/arch", arch.kubernetesArch()));
        List<Object> volumes = new ArrayList<>(List.of(
                map("name", "skill", "configMap", map("name", configMapName())),
                map("name", "models", "persistentVolumeClaim", map("claimName", claimName(), "readOnly", true))));
        if (!plan.outputFolders().isEmpty()) {
            volumes.add(map("name", "output", "persistentVolumeClaim", map("claimName", outputClaimName())));
            pod.put("securityContext", map("fsGroup", RUNTIME_UID));
        }
        pod.put("volumes", volumes);
        return deployment(runtimeName(), pod);
    }

    private Map<String, Object> grpcDeployment(ContainerNode c, String name) {
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        container.put("image", c.image());
        container.put("ports", List.of(map("name", "grpc", "containerPort", c.port())));
        if (!c.env().isEmpty()) {
            List<Object> env = new ArrayList<>();
            java.util.Set<String> defined = new java.util.LinkedHashSet<>();
            c.env().forEach((k, v) -> {
                Matcher m = PLACEHOLDER.matcher(v);
                if (m.matches()) {
                    env.add(secretEnv(k, m.group(1)));
                    return;
                }
                // A secret inside a value (a URL's user:password): Kubernetes expands only $(VAR) of variables
                // defined before it in the list, so define each from the Secret first.
                String value = v;
                for (String var : SecretEnvironment.variablesIn(v)) {
                    if (defined.add(var)) {
                        env.add(secretEnv(var));
                    }
                    value = value.replace("${" + var + "}", "$(" + var + ")").replace("$" + var, "$(" + var + ")");
                }
                env.add(map("name", k, "value", value));
            });
            container.put("env", env);
        }
        Map<String, Object> pod = new LinkedHashMap<>();
        pod.put("containers", List.of(container));
        pod.put("restartPolicy", "Always");
        // the image runs on one architecture: schedule it only on such nodes
        pod.put("nodeSelector", map("kubernetes.io/arch", c.architecture().kubernetesArch()));
        return deployment(name, pod);
    }

    private Map<String, Object> grpcService(ContainerNode c, String name) {
        Map<String, Object> m = object("v1", "Service", name);
        m.put("spec", map("selector", labels(name),
                "ports", List.of(map("name", "grpc", "port", c.port(), "targetPort", c.port()))));
        return m;
    }

    /** @param image the runtime image the kustomization sets, or null (the base names none) */
    private Map<String, Object> kustomization(List<String> resources, RuntimeImage image) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", "kustomize.config.k8s.io/v1beta1");
        m.put("kind", "Kustomization");
        m.put("resources", resources);
        if (image == null) {
            return m;
        }
        int colon = image.image().lastIndexOf(':');
        m.put("images", List.of(map("name", RUNTIME_IMAGE_NAME, "newName", image.image().substring(0, colon),
                "newTag", image.image().substring(colon + 1))));
        return m;
    }

    private Map<String, Object> deployment(String name, Map<String, Object> podSpec) {
        Map<String, Object> m = object("apps/v1", "Deployment", name);
        m.put("spec", map("replicas", 1,
                "selector", map("matchLabels", labels(name)),
                "template", map("metadata", map("labels", labels(name)), "spec", podSpec)));
        return m;
    }

    private Map<String, Object> object(String apiVersion, String kind, String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiVersion", apiVersion);
        m.put("kind", kind);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("name", name);
        Map<String, Object> labels = new LinkedHashMap<>(labels(name));
        labels.put("app.kubernetes.io/part-of", runtimeName());
        meta.put("labels", labels);
        m.put("metadata", meta);
        return m;
    }

    private static Map<String, Object> labels(String name) {
        return map("app.kubernetes.io/name", name);
    }

    private Map<String, Object> secretEnv(String envVar) {
        return secretEnv(envVar, envVar);
    }

    private Map<String, Object> secretEnv(String name, String key) {
        return map("name", name, "valueFrom", map("secretKeyRef", map("name", secretName(), "key", key)));
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static String dump(List<Map<String, Object>> docs) {
        DumperOptions o = new DumperOptions();
        o.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        o.setIndent(2);
        o.setWidth(120);
        return new Yaml(o).dumpAll(docs.iterator());
    }
}
