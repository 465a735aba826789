package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;

/** The k8s/ folder of an exported package: parses, and its objects reference each other consistently. */
@SuppressWarnings("unchecked")
class KubernetesManifestsTest {
    @TempDir
    static Path tmp;
    static ExportResult result;
    static List<Map<String, Object>> objects = new ArrayList<>();
    static Map<String, Object> kustomization;
    static Set<Path> referenced = new HashSet<>();

    @BeforeAll
    static void export() throws IOException {
        result = new EdgePackageExporter(Fixtures.catalog(), "3.1.0").export(
                Fixtures.secretSkill(Acceleration.NVIDIA_DGPU, "{}"), Fixtures.models(tmp), tmp.resolve("pkg"), null);
        Path k8s = result.folder().resolve("k8s");
        kustomization = new Yaml().load(Files.readString(k8s.resolve("amd64/kustomization.yaml")));
        collect(k8s.resolve("amd64"), objects, referenced);
        collect(k8s.resolve("arm64v8"), new ArrayList<>(), referenced);
    }

    /** The objects a kustomization folder builds, following folder resources (bases) as kustomize does. */
    static void collect(Path dir, List<Map<String, Object>> into, Set<Path> files) throws IOException {
        Map<String, Object> k = new Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
        for (Object r : (List<Object>) k.get("resources")) {
            Path p = dir.resolve((String) r).normalize();
            if (Files.isDirectory(p)) {
                collect(p, into, files);
                continue;
            }
            assertTrue(Files.isRegularFile(p), "kustomization resource " + r + " of " + dir + " missing");
            files.add(p);
            for (Object doc : new Yaml().loadAll(Files.readString(p))) {
                into.add((Map<String, Object>) doc);
            }
        }
    }

    private static List<Map<String, Object>> ofKind(String kind) {
        return objects.stream().filter(o -> kind.equals(o.get("kind"))).toList();
    }

    private static Map<String, Object> named(String kind, String name) {
        return ofKind(kind).stream().filter(o -> name.equals(meta(o).get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    private static Map<String, Object> meta(Map<String, Object> o) {
        return (Map<String, Object>) o.get("metadata");
    }

    private static Map<String, Object> at(Map<String, Object> o, String... path) {
        Map<String, Object> m = o;
        for (String p : path) {
            m = (Map<String, Object>) m.get(p);
            assertNotNull(m, String.join(".", path));
        }
        return m;
    }

    private static Map<String, Object> podSpec(Map<String, Object> deployment) {
        return at(deployment, "spec", "template", "spec");
    }

    @Test
    void everyFileInTheFolderIsAResourceAndEveryObjectHasKindAndName() throws IOException {
        try (var s = Files.walk(result.folder().resolve("k8s"))) {
            Set<Path> files = s.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("kustomization.yaml")).collect(Collectors.toSet());
            assertEquals(files, referenced);
        }
        for (Map<String, Object> o : objects) {
            assertNotNull(o.get("apiVersion"));
            assertNotNull(meta(o).get("name"));
        }
        assertEquals(2, ofKind("Deployment").size());
        assertEquals(1, ofKind("Service").size());
    }

    @Test
    void runtimeDeploymentMountsTheConfigMapAndTheClaimThatExist() throws IOException {
        Map<String, Object> rt = named("Deployment", "sd-faces-at-the-door");
        Map<String, Object> pod = podSpec(rt);
        List<Map<String, Object>> volumes = (List<Map<String, Object>>) pod.get("volumes");
        Set<String> volumeNames = new HashSet<>();
        for (Map<String, Object> v : volumes) {
            volumeNames.add((String) v.get("name"));
            if (v.containsKey("configMap")) {
                Map<String, Object> cm = named("ConfigMap", (String) ((Map<String, Object>) v.get("configMap")).get("name"));
                String json = (String) ((Map<String, Object>) cm.get("data")).get("skill.json");
                Skill s = new SkillJson(Fixtures.catalog()).read(json, "configmap");
                assertEquals(Files.readString(result.folder().resolve("skill.json")),
                        new SkillJson(Fixtures.catalog()).write(s));
            }
            if (v.containsKey("persistentVolumeClaim")) {
                named("PersistentVolumeClaim", (String) ((Map<String, Object>) v.get("persistentVolumeClaim"))
                        .get("claimName"));
            }
        }
        assertTrue(volumes.stream().anyMatch(v -> v.containsKey("configMap")));
        assertTrue(volumes.stream().anyMatch(v -> v.containsKey("persistentVolumeClaim")));
        Map<String, Object> container = ((List<Map<String, Object>>) pod.get("containers")).get(0);
        for (Map<String, Object> mount : (List<Map<String, Object>>) container.get("volumeMounts")) {
            assertTrue(volumeNames.contains((String) mount.get("name")), "mount of unknown volume " + mount);
        }
        // the runtime image is set through the kustomization, GPU requested for an NVIDIA skill
        assertEquals(List.of("run", "/package/skill.json", "--workspace", "/package"), container.get("args"));
        Map<String, Object> image = ((List<Map<String, Object>>) kustomization.get("images")).get(0);
        assertEquals(container.get("image"), image.get("name"));
        assertEquals("3.1.0-cuda-amd64", image.get("newTag"));
        assertEquals(1, at(container, "resources", "limits").get("nvidia.com/gpu"));
    }

    /**
     * k8s/&lt;arch&gt; runs the runtime only on that architecture's nodes, with the image its IoT Edge manifest names
     * (the tag per architecture: cuda-amd64 / jetson-arm64v8 for this NVIDIA skill).
     */
    @Test
    void eachArchitectureFolderRunsTheRuntimeOnItsNodesWithTheImageOfItsIotEdgeManifest() throws IOException {
        for (Architecture arch : Architecture.values()) {
            Path dir = result.folder().resolve(KubernetesManifests.folder(arch));
            List<Map<String, Object>> built = new ArrayList<>();
            collect(dir, built, new HashSet<>());
            Map<String, Object> rt = built.stream().filter(o -> "Deployment".equals(o.get("kind"))
                    && "sd-faces-at-the-door".equals(meta(o).get("name"))).findFirst().orElseThrow();
            assertEquals(Map.of("kubernetes.io/arch", arch.kubernetesArch()), podSpec(rt).get("nodeSelector"),
                    arch.id());
            Map<String, Object> k = new Yaml().load(Files.readString(dir.resolve("kustomization.yaml")));
            Map<String, Object> image = ((List<Map<String, Object>>) k.get("images")).get(0);
            String k8sImage = image.get("newName") + ":" + image.get("newTag");

            com.google.gson.JsonObject modules = com.google.gson.JsonParser.parseString(Files.readString(
                    result.folder().resolve(PackageLayout.deployment(arch)))).getAsJsonObject()
                    .getAsJsonObject("modulesContent").getAsJsonObject("$edgeAgent")
                    .getAsJsonObject("properties.desired").getAsJsonObject("modules");
            List<String> edgeImages = new ArrayList<>();
            modules.entrySet().forEach(e -> edgeImages.add(e.getValue().getAsJsonObject().getAsJsonObject("settings")
                    .get("image").getAsString()));
            assertTrue(edgeImages.contains(k8sImage), arch.id() + ": " + k8sImage + " not in " + edgeImages);
            assertTrue(k8sImage.endsWith(arch == Architecture.AMD64 ? "-cuda-amd64" : "-jetson-arm64v8"), k8sImage);
        }
    }

    @Test
    void selectorsMatchPodLabelsAndServicesReachTheGrpcContainerPort() {
        for (Map<String, Object> d : ofKind("Deployment")) {
            assertEquals(at(d, "spec", "selector", "matchLabels"), at(d, "spec", "template", "metadata", "labels"));
        }
        Map<String, Object> svc = named("Service", Fixtures.CONTAINER);
        Map<String, Object> selector = at(svc, "spec", "selector");
        List<Map<String, Object>> matching = ofKind("Deployment").stream()
                .filter(d -> at(d, "spec", "template", "metadata", "labels").entrySet().containsAll(selector.entrySet()))
                .toList();
        assertEquals(1, matching.size(), "deployments selected by the service");
        Map<String, Object> port = ((List<Map<String, Object>>) at(svc, "spec").get("ports")).get(0);
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec(matching.get(0)).get("containers")).get(0);
        Map<String, Object> cport = ((List<Map<String, Object>>) container.get("ports")).get(0);
        assertEquals(cport.get("containerPort"), port.get("targetPort"));
        assertEquals(50051, port.get("port"));
        assertEquals("myregistry.azurecr.io/colour:1.0", container.get("image"));
    }

    @Test
    void secretsAreReferencedFromOneSecretAndNeverInlined() {
        Set<String> secretNames = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (Map<String, Object> d : ofKind("Deployment")) {
            for (Map<String, Object> c : (List<Map<String, Object>>) podSpec(d).get("containers")) {
                for (Map<String, Object> e : (List<Map<String, Object>>) c.getOrDefault("env", List.of())) {
                    Object value = e.get("value");
                    assertFalse(value != null && SecretPlaceholders.isPlaceholder((String) value), e.toString());
                    if (e.containsKey("valueFrom")) {
                        Map<String, Object> ref = at(e, "valueFrom", "secretKeyRef");
                        secretNames.add((String) ref.get("name"));
                        keys.add((String) ref.get("key"));
                    }
                }
            }
        }
        assertEquals(Set.of("sd-faces-at-the-door-secrets"), secretNames);
        assertEquals(result.secrets().stream().map(SecretRef::envVar).collect(Collectors.toSet()), keys);
        assertTrue(ofKind("Secret").isEmpty(), "no Secret object may be written");
    }
}
