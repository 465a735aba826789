package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Skill;

/**
 * The k8s/ folder as Kubernetes' own tool builds it ({@code kubectl kustomize}), and secrets inside container env
 * values: Kubernetes expands only {@code $(VAR)} of variables defined earlier in the same list.
 */
@SuppressWarnings("unchecked")
class KubernetesToolsTest {
    static final String REDIS_PASSWORD = "redis-Pa55word-77";

    private static Skill withUrlSecret() {
        return Fixtures.secretSkill().updateNode("colour", n -> {
            Map<String, Object> env = new java.util.LinkedHashMap<>((Map<String, Object>) n.settings()
                    .get(GrpcCustomNode.ENV));
            env.put("REDIS_URL", "redis://cache:" + REDIS_PASSWORD + "@redis:6379/0");
            return n.withSetting(GrpcCustomNode.ENV, env);
        });
    }

    @Test
    void secretInsideAContainerEnvValueIsDefinedFromTheSecretAndReferencedAsDollarParen(@TempDir Path tmp)
            throws Exception {
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(withUrlSecret(),
                Fixtures.models(tmp), tmp.resolve("pkg"), null);
        List<Map<String, Object>> env = null;
        for (Path f : Files.walk(r.folder().resolve("k8s")).filter(Files::isRegularFile).toList()) {
            for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                Map<String, Object> o = (Map<String, Object>) doc;
                if ("Deployment".equals(o.get("kind"))
                        && ((Map<String, Object>) o.get("metadata")).get("name").toString().contains(Fixtures.CONTAINER)) {
                    Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                            o.get("spec")).get("template")).get("spec");
                    env = (List<Map<String, Object>>) ((List<Map<String, Object>>) pod.get("containers")).get(0)
                            .get("env");
                }
            }
        }
        assertTrue(env != null, "container Deployment found");
        List<String> names = new ArrayList<>();
        env.forEach(e -> names.add((String) e.get("name")));
        Map<String, Object> redis = env.stream().filter(e -> "REDIS_URL".equals(e.get("name"))).findFirst()
                .orElseThrow();
        String value = (String) redis.get("value");
        assertFalse(value.contains(REDIS_PASSWORD), value);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^redis://\\$\\((SD_SECRET_[A-Z0-9_]+)\\)@redis:6379/0$")
                .matcher(value);
        assertTrue(m.matches(), value);
        String var = m.group(1);
        int defined = names.indexOf(var);
        assertTrue(defined >= 0 && defined < names.indexOf("REDIS_URL"), "defined before use: " + names);
        assertTrue(env.get(defined).containsKey("valueFrom"), "from the Secret: " + env.get(defined));
    }

    @Test
    void kubectlKustomizeBuildsTheFolder(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/kubectl"))
                || Files.isExecutable(Path.of("/usr/local/bin/kubectl")), "kubectl not installed");
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(withUrlSecret(),
                Fixtures.models(tmp), tmp.resolve("pkg"), null);
        for (Architecture arch : Architecture.values()) {
            Process p = new ProcessBuilder("kubectl", "kustomize", r.folder().resolve(KubernetesManifests.folder(arch))
                    .toString()).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize hung");
            assertEquals(0, p.exitValue(), out);
            List<String> kinds = new ArrayList<>();
            Map<String, Object> runtime = null;
            for (Object doc : new Yaml().loadAll(out)) {
                Map<String, Object> o = (Map<String, Object>) doc;
                kinds.add(String.valueOf(o.get("kind")));
                if ("Deployment".equals(o.get("kind")) && !String.valueOf(o.get("metadata")).contains(Fixtures.CONTAINER)) {
                    runtime = o;
                }
            }
            assertTrue(kinds.containsAll(List.of("ConfigMap", "PersistentVolumeClaim", "Deployment", "Service")),
                    kinds.toString());
            assertEquals(2, kinds.stream().filter("Deployment"::equals).count(), out);
            // kustomize set the architecture's image on the runtime and kept its nodeSelector
            Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>)
                    runtime.get("spec")).get("template")).get("spec");
            assertEquals(Map.of("kubernetes.io/arch", arch.kubernetesArch()), pod.get("nodeSelector"), out);
            String image = (String) ((List<Map<String, Object>>) pod.get("containers")).get(0).get("image");
            assertTrue(image.equals("${CONTAINER_REGISTRY}/skill-designer-runtime:1.0.0-cpu-" + arch.id()), image);
            assertTrue(out.contains("kubernetes.io/arch: amd64"), "the container node's nodeSelector kept: " + out);
            assertFalse(out.contains(REDIS_PASSWORD));
        }
    }
}
