package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;

class IotEdgeManifestsTest {
    private static final ManifestValidator VALIDATOR = new ManifestValidator();

    private static IotEdgeManifests manifests(Skill skill) throws PackageException {
        SecretPlaceholders.Redaction r = new SecretPlaceholders(Fixtures.catalog()).redact(skill);
        DeploymentPlan plan = new DeploymentPlanner(Fixtures.catalog()).plan(r.skill(), r.secrets(), "2.0.0");
        return new IotEdgeManifests(plan, new SkillJson(Fixtures.catalog()).write(r.skill()));
    }

    private static JsonObject modules(JsonObject manifest) {
        return manifest.getAsJsonObject("modulesContent").getAsJsonObject("$edgeAgent")
                .getAsJsonObject("properties.desired").getAsJsonObject("modules");
    }

    @Test
    void everyManifestValidatesAgainstItsSchema() throws Exception {
        for (Acceleration a : Acceleration.values()) {
            IotEdgeManifests m = manifests(Fixtures.secretSkill().withBasics(Fixtures.secretSkill().basics()
                    .withAcceleration(a)));
            assertEquals(List.of(), VALIDATOR.validate(ManifestValidator.Kind.TEMPLATE, m.template().toString()), a.name());
            for (Architecture arch : Architecture.values()) {
                String json = m.deployment(arch).toString();
                assertEquals(List.of(), VALIDATOR.validate(ManifestValidator.Kind.DEPLOYMENT, json), a + " " + arch);
                JsonObject content = JsonParser.parseString(json).getAsJsonObject().getAsJsonObject("modulesContent");
                JsonObject agent = new JsonObject();
                agent.add("$edgeAgent", content.get("$edgeAgent"));
                assertEquals(List.of(), VALIDATOR.validate(ManifestValidator.Kind.EDGE_AGENT, agent.toString()));
                JsonObject hub = new JsonObject();
                hub.add("$edgeHub", content.get("$edgeHub"));
                assertEquals(List.of(), VALIDATOR.validate(ManifestValidator.Kind.EDGE_HUB, hub.toString()));
            }
        }
    }

    @Test
    void validatorListsEveryErrorNotJustTheFirst() throws Exception {
        JsonObject bad = manifests(Fixtures.secretSkill()).deployment(Architecture.AMD64);
        JsonObject desired = bad.getAsJsonObject("modulesContent").getAsJsonObject("$edgeAgent")
                .getAsJsonObject("properties.desired");
        desired.remove("schemaVersion");
        modules(bad).getAsJsonObject(Fixtures.CONTAINER).addProperty("restartPolicy", "sometimes");
        modules(bad).getAsJsonObject(Fixtures.CONTAINER).getAsJsonObject("settings").addProperty("createOptions", 5);
        List<String> errors = VALIDATOR.validate(ManifestValidator.Kind.DEPLOYMENT, bad.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("schemaVersion")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("restartPolicy")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("createOptions")), errors.toString());
    }

    @Test
    void templateRefsIntoTheEdgeAgentAndEdgeHubSchemasAreResolved() throws Exception {
        // moduleType, restartPolicy and the edgeHub schema version are only defined in the referenced files
        JsonObject t = manifests(Fixtures.secretSkill()).template();
        modules(t).getAsJsonObject(Fixtures.CONTAINER).addProperty("type", "kubernetes");
        t.getAsJsonObject("modulesContent").getAsJsonObject("$edgeHub").getAsJsonObject("properties.desired")
                .addProperty("schemaVersion", "9.9");
        List<String> errors = VALIDATOR.validate(ManifestValidator.Kind.TEMPLATE, t.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("colour-classifier/type")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("schemaVersion")), errors.toString());
    }

    @Test
    void schemasInResourcesAreTheSharedOnesUnchanged() throws Exception {
        Path shared = Fixtures.shared().resolve("schemas/iotedge");
        for (ManifestValidator.Kind k : ManifestValidator.Kind.values()) {
            byte[] ours = ManifestValidator.class.getResourceAsStream("/iotedge/" + k.file()).readAllBytes();
            assertEquals(Files.readString(shared.resolve(k.file())), new String(ours, StandardCharsets.UTF_8), k.file());
        }
    }

    @Test
    void routesSendMetricsUpstreamAndLocalMetricsToTheModuleInput() throws Exception {
        JsonObject routes = manifests(Fixtures.secretSkill()).deployment(Architecture.AMD64)
                .getAsJsonObject("modulesContent").getAsJsonObject("$edgeHub")
                .getAsJsonObject("properties.desired").getAsJsonObject("routes");
        String rt = "sd-faces-at-the-door";
        List<String> values = routes.entrySet().stream().map(e -> e.getValue().getAsString()).toList();
        assertEquals(List.of("FROM /messages/modules/" + rt + "/outputs/metrics INTO $upstream",
                "FROM /messages/modules/" + rt + "/outputs/localmetrics INTO BrokeredEndpoint(\"/modules/recorder/inputs/insights\")"),
                values);
    }

    @Test
    void longCreateOptionsAreMinifiedAndSplitIntoChunks() throws Exception {
        StringBuilder binds = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            binds.append(i == 0 ? "" : ",").append("\n    \"/data/volume-").append(i).append(":/mnt/v").append(i).append("\"");
        }
        String pretty = "{\n  \"HostConfig\": {\n   \"Binds\": [" + binds + "\n  ]\n }\n}";
        String minified = JsonParser.parseString(pretty).toString();
        assertTrue(minified.length() > 2 * GrpcCustomNode.CREATE_OPTIONS_CHUNK, "test needs 3+ chunks");
        IotEdgeManifests m = manifests(Fixtures.secretSkill(Acceleration.CPU, pretty));
        JsonObject settings = modules(m.deployment(Architecture.AMD64)).getAsJsonObject(Fixtures.CONTAINER)
                .getAsJsonObject("settings");
        Map<String, String> chunks = new LinkedHashMap<>();
        settings.entrySet().stream().filter(e -> e.getKey().startsWith("createOptions"))
                .forEach(e -> chunks.put(e.getKey(), e.getValue().getAsString()));
        int n = (minified.length() + GrpcCustomNode.CREATE_OPTIONS_CHUNK - 1) / GrpcCustomNode.CREATE_OPTIONS_CHUNK;
        assertEquals(n, chunks.size());
        assertTrue(chunks.containsKey("createOptions") && chunks.containsKey("createOptions01")
                && chunks.containsKey(String.format("createOptions%02d", n - 1)), chunks.keySet().toString());
        chunks.values().forEach(c -> assertTrue(c.length() <= GrpcCustomNode.CREATE_OPTIONS_CHUNK));
        assertEquals(minified, CreateOptions.join(chunks));
        // the template keeps them as one object
        JsonObject tmpl = modules(m.template()).getAsJsonObject(Fixtures.CONTAINER).getAsJsonObject("settings");
        assertEquals(JsonParser.parseString(minified), tmpl.get("createOptions"));
        assertFalse(tmpl.has("createOptions01"));
    }

    @Test
    void containerModuleCarriesImageRestartPolicyAndEnvValues() throws Exception {
        JsonObject mod = modules(manifests(Fixtures.secretSkill()).deployment(Architecture.AMD64))
                .getAsJsonObject(Fixtures.CONTAINER);
        assertEquals("myregistry.azurecr.io/colour:1.0", mod.getAsJsonObject("settings").get("image").getAsString());
        assertEquals("on-failure", mod.get("restartPolicy").getAsString());
        JsonObject env = mod.getAsJsonObject("env");
        assertEquals("info", env.getAsJsonObject("LOG_LEVEL").get("value").getAsString());
        assertEquals("${SD_SECRET_COLOUR_ENV_API_TOKEN}", env.getAsJsonObject("API_TOKEN").get("value").getAsString());
    }

    @Test
    void runtimeImageFollowsAccelerationAndArchitecture() throws Exception {
        Map<Acceleration, List<String>> expected = Map.of(
                Acceleration.CPU, List.of("2.0.0-cpu-amd64", "2.0.0-cpu-arm64v8"),
                Acceleration.INTEL_IGPU, List.of("2.0.0-cpu-amd64", "2.0.0-cpu-arm64v8"),
                Acceleration.NVIDIA_DGPU, List.of("2.0.0-cuda-amd64", "2.0.0-jetson-arm64v8"),
                Acceleration.NVIDIA_JETSON, List.of("2.0.0-cuda-amd64", "2.0.0-jetson-arm64v8"));
        for (Map.Entry<Acceleration, List<String>> e : expected.entrySet()) {
            Skill s = Fixtures.secretSkill(e.getKey(), "{}");
            IotEdgeManifests m = manifests(s);
            for (int i = 0; i < 2; i++) {
                Architecture arch = Architecture.values()[i];
                JsonObject rt = modules(m.deployment(arch)).getAsJsonObject("sd-faces-at-the-door");
                JsonObject settings = rt.getAsJsonObject("settings");
                assertEquals("${CONTAINER_REGISTRY}/skill-designer-runtime:" + e.getValue().get(i),
                        settings.get("image").getAsString());
                Map<String, String> parts = new LinkedHashMap<>();
                settings.entrySet().forEach(x -> parts.put(x.getKey(), x.getValue().getAsString()));
                String options = CreateOptions.join(parts);
                assertEquals(e.getValue().get(i).contains("cuda"), options.contains("\"DeviceRequests\""), options);
                assertEquals(e.getValue().get(i).contains("jetson"), options.contains("\"Runtime\":\"nvidia\""), options);
                assertTrue(options.contains("\"Binds\":[\"/var/lib/skill-designer/sd-faces-at-the-door:/package\"]"), options);
            }
            assertEquals(IotEdgeManifests.RUNTIME_IMAGE_PLACEHOLDER, modules(m.template())
                    .getAsJsonObject("sd-faces-at-the-door").getAsJsonObject("settings").get("image").getAsString());
        }
    }

    @Test
    void runtimeDesiredPropertiesCarryTheSkill() throws Exception {
        Skill skill = Fixtures.secretSkill();
        IotEdgeManifests m = manifests(skill);
        JsonObject desired = m.deployment(Architecture.AMD64).getAsJsonObject("modulesContent")
                .getAsJsonObject("sd-faces-at-the-door").getAsJsonObject("properties.desired").getAsJsonObject("skill");
        int chunks = desired.get("chunks").getAsInt();
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            String c = desired.get(String.format("json%02d", i)).getAsString();
            assertTrue(c.length() <= IotEdgeManifests.TWIN_STRING_CHUNK);
            json.append(c);
        }
        assertEquals(Checksums.sha256(json.toString().getBytes(StandardCharsets.UTF_8)), desired.get("sha256").getAsString());
        Skill back = new SkillJson(Fixtures.catalog()).read(json.toString(), "twin");
        assertEquals(new SecretPlaceholders(Fixtures.catalog()).redact(skill).skill(), back);
        // runtime env names the runtime's secrets, not those of the container's own env
        JsonObject env = modules(m.deployment(Architecture.AMD64)).getAsJsonObject("sd-faces-at-the-door")
                .getAsJsonObject("env");
        assertTrue(env.has("SD_SECRET_MQTT_PASSWORD"));
        assertFalse(env.has("SD_SECRET_COLOUR_ENV_API_TOKEN"));
    }
}
