package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.skill.Skill;

/**
 * Where the video snippet export's clips go on a device: the node's output folder is kept by both deployments —
 * inside the package folder on its IoT Edge bind mount, elsewhere on a device folder of its own; on Kubernetes on
 * the output claim, writable by the runtime's user — and the package README says where.
 */
@SuppressWarnings("unchecked")
class OutputFoldersTest {
    private static ExportResult export(Path tmp, String folder) throws Exception {
        Skill skill = Fixtures.secretSkill().updateNode("snip",
                n -> n.withSetting(VideoSnippetExportNode.OUTPUT_FOLDER, folder));
        return new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(skill, Fixtures.models(tmp),
                tmp.resolve("pkg"), null);
    }

    private static List<String> binds(ExportResult r) throws Exception {
        JsonObject modules = JsonParser.parseString(Files.readString(r.folder().resolve(PackageLayout.IOTEDGE_TEMPLATE)))
                .getAsJsonObject().getAsJsonObject("modulesContent").getAsJsonObject("$edgeAgent")
                .getAsJsonObject("properties.desired").getAsJsonObject("modules");
        JsonArray binds = modules.getAsJsonObject("sd-faces-at-the-door").getAsJsonObject("settings")
                .getAsJsonObject("createOptions").getAsJsonObject("HostConfig").getAsJsonArray("Binds");
        List<String> out = new ArrayList<>();
        binds.forEach(b -> out.add(b.getAsString()));
        return out;
    }

    private static Map<String, Object> runtimePod(ExportResult r) throws Exception {
        Map<String, Object> d = new Yaml().load(Files.readString(r.folder().resolve("k8s/amd64/runtime-deployment.yaml")));
        return (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec")).get("template"))
                .get("spec");
    }

    @Test
    void clipsInsideThePackageFolderStayOnItsBindMountAndOnTheOutputClaim(@TempDir Path tmp) throws Exception {
        ExportResult r = export(tmp, "snippets");
        assertEquals(List.of("/var/lib/skill-designer/sd-faces-at-the-door:/package"), binds(r));
        Map<String, Object> pod = runtimePod(r);
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) ((List<Map<String, Object>>)
                pod.get("containers")).get(0).get("volumeMounts");
        assertTrue(mounts.contains(Map.of("name", "output", "mountPath", "/package/snippets", "subPath", "snip")),
                mounts.toString());
        assertTrue(((List<Map<String, Object>>) pod.get("volumes")).contains(Map.of("name", "output",
                "persistentVolumeClaim", Map.of("claimName", "sd-faces-at-the-door-output"))), pod.toString());
        assertEquals(Map.of("fsGroup", 10001), pod.get("securityContext"), "the image's user writes the claim");
        Map<String, Object> claim = new Yaml().load(Files.readString(r.folder().resolve("k8s/base/output-pvc.yaml")));
        assertEquals("sd-faces-at-the-door-output", ((Map<String, Object>) claim.get("metadata")).get("name"));
        String readme = Files.readString(r.folder().resolve("README.md"));
        assertTrue(readme.contains("| snip | `/package/snippets` | `/var/lib/skill-designer/sd-faces-at-the-door/snippets`"
                + " | claim `sd-faces-at-the-door-output`, sub-folder `snip` |"), readme);
    }

    @Test
    void clipsOutsideThePackageFolderGetADeviceFolderOfTheirOwn(@TempDir Path tmp) throws Exception {
        ExportResult r = export(tmp, "/data/clips");
        assertEquals(List.of("/var/lib/skill-designer/sd-faces-at-the-door:/package",
                "/var/lib/skill-designer/sd-faces-at-the-door-output/snip:/data/clips"), binds(r));
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) ((List<Map<String, Object>>)
                runtimePod(r).get("containers")).get(0).get("volumeMounts");
        assertTrue(mounts.contains(Map.of("name", "output", "mountPath", "/data/clips", "subPath", "snip")),
                mounts.toString());
        for (Architecture a : Architecture.values()) {
            JsonObject settings = JsonParser.parseString(Files.readString(r.folder().resolve(
                    PackageLayout.deployment(a)))).getAsJsonObject().getAsJsonObject("modulesContent")
                    .getAsJsonObject("$edgeAgent").getAsJsonObject("properties.desired").getAsJsonObject("modules")
                    .getAsJsonObject("sd-faces-at-the-door").getAsJsonObject("settings");
            StringBuilder options = new StringBuilder(settings.get("createOptions").getAsString());
            for (int i = 1; settings.has(String.format("createOptions%02d", i)); i++) {
                options.append(settings.get(String.format("createOptions%02d", i)).getAsString());
            }
            assertTrue(options.toString().contains("sd-faces-at-the-door-output/snip:/data/clips"),
                    "createOptions of " + a.id() + ": " + options);
        }
    }
}
