package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;

/**
 * Every object in an exported k8s/ folder parsed by the fabric8 Kubernetes model. The model keeps unknown fields
 * in {@code additionalProperties} instead of failing, so the test walks the parsed objects and refuses any.
 */
class KubernetesModelTest {
    private static final Map<String, Class<? extends KubernetesResource>> KINDS = Map.of(
            "ConfigMap", ConfigMap.class, "PersistentVolumeClaim", PersistentVolumeClaim.class,
            "Service", Service.class, "Deployment", Deployment.class, "Secret", Secret.class);

    @Test
    void everyGeneratedObjectIsAKnownKindWithOnlyKnownFields(@TempDir Path tmp) throws Exception {
        var skill = Fixtures.secretSkill().updateNode("colour",
                n -> n.withSetting(GrpcCustomNode.ARCHITECTURE, "ARM64"));
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(skill, Fixtures.models(tmp),
                tmp.resolve("pkg"), null);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        List<String> kinds = new ArrayList<>();
        List<Path> yamlFiles;
        try (var walk = Files.walk(r.folder().resolve("k8s"))) {
            yamlFiles = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : yamlFiles) {
            if (f.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            try (YAMLParser parser = new YAMLFactory().createParser(f.toFile())) {
                for (JsonNode doc : yaml.readValues(parser, JsonNode.class).readAll()) {
                    String kind = doc.path("kind").asText();
                    Class<? extends KubernetesResource> type = KINDS.get(kind);
                    assertTrue(type != null, f.getFileName() + ": unexpected kind '" + kind + "'");
                    KubernetesResource parsed = yaml.treeToValue((ObjectNode) doc, type);
                    List<String> unknown = new ArrayList<>();
                    unknownFields(parsed, kind, unknown, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
                    assertEquals(List.of(), unknown, f.getFileName() + ": fields Kubernetes does not know");
                    kinds.add(kind);
                }
            }
        }
        assertTrue(kinds.containsAll(List.of("ConfigMap", "PersistentVolumeClaim", "Deployment", "Service")),
                kinds.toString());
    }

    /** Collects non-empty {@code additionalProperties} anywhere in a parsed fabric8 object graph. */
    private static void unknownFields(Object o, String path, List<String> out, Set<Object> seen) throws Exception {
        if (o == null || !seen.add(o)) {
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                unknownFields(e, path + "[" + i++ + "]", out, seen);
            }
            return;
        }
        if (o instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                unknownFields(e.getValue(), path + "." + e.getKey(), out, seen);
            }
            return;
        }
        if (!o.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method g : o.getClass().getMethods()) {
            if (g.getParameterCount() != 0 || !g.getName().startsWith("get") || g.getName().equals("getClass")) {
                continue;
            }
            Object v = g.invoke(o);
            if (g.getName().equals("getAdditionalProperties")) {
                if (v instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    out.add(path + ": " + extra.keySet());
                }
                continue;
            }
            unknownFields(v, path + "." + g.getName().substring(3), out, seen);
        }
    }
}
