package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Skill;

/** Exports a skill full of secrets and greps every byte of the folder and the zip for them. */
class SecretsNeverWrittenTest {
    @TempDir
    static Path tmp;
    static ExportResult result;

    @BeforeAll
    static void export() throws IOException {
        result = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(Fixtures.secretSkill(),
                Fixtures.models(tmp), tmp.resolve("pkg"), tmp.resolve("pkg.zip"));
    }

    @Test
    void noFileOfTheFolderContainsASecret() throws IOException {
        List<String> leaks = new ArrayList<>();
        for (String rel : result.files()) {
            String text = new String(Files.readAllBytes(result.folder().resolve(rel)), StandardCharsets.ISO_8859_1);
            for (String secret : Fixtures.SECRET_VALUES) {
                if (text.contains(secret)) {
                    leaks.add(rel + " contains " + secret.substring(0, 4) + "…");
                }
            }
        }
        assertEquals(List.of(), leaks);
        // every file the skill's settings flow into was scanned (the runtime's Dockerfiles come only with the runtime)
        assertTrue(result.files().containsAll(List.of("skill.json", "kan/skill.yaml", "README.md",
                "iotedge/deployment.template.json", "iotedge/deployment.amd64.json", "iotedge/deployment.arm64v8.json",
                "k8s/amd64/runtime-deployment.yaml", "k8s/base/skill-configmap.yaml",
                "k8s/base/grpc-colour-classifier.yaml",
                "runtime/README.md")) && result.files().size() > 15, "scanned " + result.files());
    }

    @Test
    void grepFindsNoSecretInTheFolderNorInTheZip() throws Exception {
        List<String> cmd = new ArrayList<>(List.of("grep", "-r", "-l", "-a", "-F"));
        for (String secret : Fixtures.SECRET_VALUES) {
            cmd.add("-e");
            cmd.add(secret);
        }
        cmd.add(result.folder().toString());
        cmd.add(result.zip().toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        // grep exits 1 when nothing matched, 0 when a file matched, 2 on trouble
        assertEquals(1, p.waitFor(), "files with secrets:\n" + out);
        // and grep does find them where they are, so the check can fail
        Path control = tmp.resolve("control.txt");
        Files.writeString(control, "x" + Fixtures.MQTT_PASSWORD + "x");
        cmd.set(cmd.size() - 1, control.toString());
        assertEquals(0, new ProcessBuilder(cmd).redirectErrorStream(true).start().waitFor());
    }

    @Test
    void noEntryOfTheZipNorTheZipItselfContainsASecret() throws IOException {
        List<String> leaks = new ArrayList<>();
        String raw = new String(Files.readAllBytes(result.zip()), StandardCharsets.ISO_8859_1);
        int entries = 0;
        try (InputStream in = Files.newInputStream(result.zip()); ZipInputStream zis = new ZipInputStream(in)) {
            ZipEntry e;
            while ((e = zis.getNextEntry()) != null) {
                entries++;
                String text = new String(zis.readAllBytes(), StandardCharsets.ISO_8859_1);
                for (String secret : Fixtures.SECRET_VALUES) {
                    if (text.contains(secret) || raw.contains(secret)) {
                        leaks.add(e.getName() + " contains " + secret.substring(0, 4) + "…");
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertEquals(result.files().size(), entries);
    }

    @Test
    void secretsBecomePlaceholdersNamingTheirVariables() throws IOException {
        Skill written = new SkillJson(Fixtures.catalog()).read(result.folder().resolve("skill.json"));
        assertEquals("${SD_SECRET_MQTT_PASSWORD}", written.node("mqtt").orElseThrow().setting(MqttExportNode.PASSWORD));
        assertEquals("${SD_SECRET_SNIP_BLOB_CONNECTION_STRING}",
                written.node("snip").orElseThrow().setting(VideoSnippetExportNode.BLOB_CONNECTION_STRING));
        assertEquals("rtsp://$SD_SECRET_CAM1_RTSP_URL_USERINFO@10.0.0.5:554/stream1",
                written.node("cam1").orElseThrow().setting(CameraInputNode.RTSP_URL));
        assertEquals("rtsp://$SD_SECRET_PARAM_RTSP_USERINFO@10.0.0.6/live", written.parameters().get("rtsp"));
        Set<String> vars = result.secrets().stream().map(SecretRef::envVar).collect(Collectors.toSet());
        assertEquals(Set.of("SD_SECRET_CAM1_RTSP_URL_USERINFO", "SD_SECRET_COLOUR_ENV_API_TOKEN",
                "SD_SECRET_COLOUR_ENV_RESULTS_URL", "SD_SECRET_MQTT_PASSWORD", "SD_SECRET_HTTP_AUTH_HEADER_VALUE",
                "SD_SECRET_SNIP_BLOB_CONNECTION_STRING", "SD_SECRET_PARAM_RTSP_USERINFO"), vars);
    }

    @Test
    void exportOfASkillWithoutSecretsListsNone() throws IOException {
        Skill plain = Fixtures.secretSkill()
                .updateNode("cam1", n -> n.withSetting(CameraInputNode.RTSP_URL, "rtsp://10.0.0.5:554/stream1"))
                .updateNode("mqtt", n -> n.withSetting(MqttExportNode.PASSWORD, null))
                .updateNode("http", n -> n.withSetting("authHeaderValue", null))
                .updateNode("snip", n -> n.withSetting(VideoSnippetExportNode.UPLOAD, false)
                        .withSetting(VideoSnippetExportNode.BLOB_CONNECTION_STRING, null))
                .updateNode("colour", n -> n.withSetting("env", java.util.Map.of("LOG_LEVEL", "info")))
                .withParameters(java.util.Map.of("fps", "15"));
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1").export(plain, Fixtures.models(tmp),
                tmp.resolve("plain"), null);
        assertEquals(List.of(), r.secrets());
        assertFalse(Files.readString(r.folder().resolve("skill.json")).contains("SD_SECRET_"));
    }
}
