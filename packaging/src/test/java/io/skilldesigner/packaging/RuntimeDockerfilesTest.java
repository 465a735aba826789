package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.skill.Acceleration;

/** The runtime/ Dockerfiles every package carries: one per image the manifests name, running the engine CLI. */
class RuntimeDockerfilesTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = EdgePackageExporter.class.getResourceAsStream("runtime/" + name)) {
            assertNotNull(in, "runtime/" + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyImageTheManifestsNameHasItsDockerfile() throws IOException {
        for (Acceleration a : Acceleration.values()) {
            for (Architecture arch : Architecture.values()) {
                RuntimeImage image = RuntimeImage.of(a, arch, "1.0");
                String dockerfile = resource(image.dockerfile());
                assertTrue(dockerfile.contains(image.variant() + "-" + arch.id()) || image.variant().equals("jetson"),
                        image.dockerfile() + " documents the tag " + image.variant() + "-" + arch.id());
            }
        }
    }

    @Test
    void dockerfilesRunTheEngineCliWithThePackageFolder() throws IOException {
        for (String f : List.of("Dockerfile.amd64", "Dockerfile.cuda-amd64", "Dockerfile.arm64v8")) {
            List<String> lines = resource(f).lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("FROM ")), f);
            assertEquals(1, lines.stream().filter(l -> l.startsWith("ENTRYPOINT ")).count(), f);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("ENTRYPOINT ")
                    && l.contains("\"io.skilldesigner.engine.cli.Main\"")), f);
            assertTrue(lines.stream().anyMatch(l -> l.equals("CMD [\"run\", \"/package/skill.json\", \"--workspace\", \"/package\"]")), f);
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("USER ")), f + " runs as non-root");
        }
        assertTrue(resource("Dockerfile.cuda-amd64").contains("FROM nvidia/cuda:"));
        assertTrue(resource("Dockerfile.arm64v8").contains("ARG BASE_IMAGE"));
    }

    @Test
    void readmeExplainsBuildPushAndEnvironment() throws IOException {
        String readme = resource("README.md");
        for (String s : List.of("docker buildx build", "--push", "SD_SECRET_", "--workspace /package",
                "Dockerfile.amd64", "Dockerfile.cuda-amd64", "Dockerfile.arm64v8", "jetson-arm64v8")) {
            assertTrue(readme.contains(s), "runtime README lacks " + s);
        }
    }
}
