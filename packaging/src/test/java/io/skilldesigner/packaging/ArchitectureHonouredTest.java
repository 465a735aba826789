package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Skill;

/** A container node's architecture decides which manifests deploy it and where Kubernetes schedules it. */
class ArchitectureHonouredTest {
    private static Skill arm64Container() {
        return Fixtures.secretSkill().updateNode("colour", n -> n.withSetting(GrpcCustomNode.ARCHITECTURE, "ARM64"));
    }

    private static JsonObject modules(Path pkg, Architecture arch) throws Exception {
        JsonObject m = JsonParser.parseString(Files.readString(pkg.resolve(PackageLayout.deployment(arch))))
                .getAsJsonObject();
        return m.getAsJsonObject("modulesContent").getAsJsonObject("$edgeAgent")
                .getAsJsonObject("properties.desired").getAsJsonObject("modules");
    }

    @Test
    void arm64OnlyContainerIsOnlyInTheArm64ManifestAndScheduledOnArm64Nodes(@TempDir Path tmp) throws Exception {
        Path pkg = tmp.resolve("pkg");
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(arm64Container(),
                Fixtures.models(tmp), pkg, null);
        assertTrue(modules(pkg, Architecture.ARM64V8).has(Fixtures.CONTAINER));
        assertFalse(modules(pkg, Architecture.AMD64).has(Fixtures.CONTAINER), "ARM64 image on an amd64 device");
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("container node 'colour' runs on arm64v8 only")),
                r.warnings().toString());

        List<Map<String, Object>> deployments = new ArrayList<>();
        try (Stream<Path> files = Files.walk(pkg.resolve("k8s"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                for (Object doc : new Yaml().loadAll(Files.readString(f))) {
                    if (doc instanceof Map<?, ?> m && "Deployment".equals(m.get("kind"))) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> d = (Map<String, Object>) m;
                        deployments.add(d);
                    }
                }
            }
        }
        Map<String, Object> grpc = deployments.stream().filter(d -> ((Map<?, ?>) d.get("metadata")).get("name")
                .toString().contains(Fixtures.CONTAINER)).findFirst().orElseThrow(() ->
                new AssertionError("no Deployment for the container: " + deployments));
        Map<?, ?> podSpec = (Map<?, ?>) ((Map<?, ?>) ((Map<?, ?>) grpc.get("spec")).get("template")).get("spec");
        assertEquals(Map.of("kubernetes.io/arch", "arm64"), podSpec.get("nodeSelector"));
    }

    @Test
    void exportWarnsWhenAContainerRunsOnNoneOfTheTargets(@TempDir Path tmp) throws Exception {
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(arm64Container(),
                Fixtures.models(tmp), tmp.resolve("pkg"), null, EnumSet.of(Architecture.AMD64), null);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("container node 'colour' runs on arm64v8, none of"
                + " the target architectures [amd64]")), r.warnings().toString());
        assertFalse(Files.exists(tmp.resolve("pkg").resolve(PackageLayout.deployment(Architecture.ARM64V8))));
    }
}
