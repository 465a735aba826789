package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Runs the package README's own deploy commands (envsubst) in the package folder, with the registry and every
 * secret variable set, and validates what they produce against the IoT Edge schemas: the operator's tool must
 * fill our placeholders and leave IoT Edge's ({@code $edgeAgent}, {@code $edgeHub}, {@code $upstream}) alone.
 */
class ReadmeDeployCommandTest {
    @Test
    void readmeEnvsubstCommandsGiveValidManifests(@TempDir Path tmp) throws Exception {
        Path pkg = tmp.resolve("pkg");
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(Fixtures.secretSkill(),
                Fixtures.models(tmp), pkg, null);
        List<String> commands = new ArrayList<>();
        for (String line : Files.readAllLines(pkg.resolve("README.md"))) {
            if (line.trim().startsWith("envsubst ")) {
                commands.add(line.trim());
            }
        }
        assertEquals(Architecture.values().length, commands.size(), "one command per architecture");
        ManifestValidator validator = new ManifestValidator();
        for (Architecture arch : Architecture.values()) {
            String command = commands.stream().filter(c -> c.endsWith("deployment." + arch.id() + ".json"))
                    .findFirst().orElseThrow();
            ProcessBuilder pb = new ProcessBuilder("bash", "-c", command).directory(pkg.toFile())
                    .redirectErrorStream(true);
            pb.environment().put("CONTAINER_REGISTRY", "myregistry.azurecr.io");
            pb.environment().put("CONTAINER_REGISTRY_USERNAME", "pusher");
            pb.environment().put("CONTAINER_REGISTRY_PASSWORD", "registry-pw");
            // IoT Edge-like names the operator's shell may have: must not leak into the manifest
            pb.environment().put("edgeAgent", "WRONG");
            pb.environment().put("upstream", "WRONG");
            for (SecretRef s : r.secrets()) {
                pb.environment().put(s.envVar(), "value-of-" + s.envVar().toLowerCase());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, command + ": " + out);
            String json = Files.readString(pkg.resolve("deployment." + arch.id() + ".json"));
            assertEquals(List.of(), validator.validate(ManifestValidator.Kind.DEPLOYMENT, json), arch.id());
            JsonObject content = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("modulesContent");
            assertTrue(content.has("$edgeAgent") && content.has("$edgeHub"), json);
            assertTrue(json.contains("INTO $upstream"), "route to IoT Hub intact");
            assertFalse(json.contains("WRONG"));
            assertTrue(json.contains("myregistry.azurecr.io/skill-designer-runtime:1.0.0-"), "registry filled");
            assertTrue(json.contains("mcr.microsoft.com/azureiotedge-agent:1.5")
                    && json.contains("mcr.microsoft.com/azureiotedge-hub:1.5"), "supported edge runtime");
            assertFalse(json.contains("${CONTAINER_REGISTRY"), "registry placeholders filled");
            for (SecretRef s : r.secrets()) {
                assertFalse(envValueStillPlaceholder(json, s.envVar()), s.envVar() + " left unfilled in an env value");
            }
            assertTrue(json.contains("value-of-sd_secret_"), "secret values reach the module environments");
        }
    }

    /** An env entry {@code "value": "${VAR}"} still unfilled. */
    private static boolean envValueStillPlaceholder(String json, String var) {
        return json.contains("\"value\": \"${" + var + "}\"") || json.contains("\"value\":\"${" + var + "}\"");
    }
}
