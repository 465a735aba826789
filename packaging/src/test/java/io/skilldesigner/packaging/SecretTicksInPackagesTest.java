package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;

/**
 * The user's "secret" tick in packages: a ticked value whose name looks harmless (a setting, a key/value entry,
 * an {@code Env} entry of the create options) becomes a placeholder; an un-ticked false positive is written as is.
 */
class SecretTicksInPackagesTest {
    static final String HOOK = "https://ingest.example.com/hooks/T0K3N-8h2k1x";
    static final String LICENCE = "LIC-9f8e7d6c-plain-looking";
    static final String ENV_LICENCE = "ENVLIC-31337-plain";

    @Test
    void tickedValuesArePlaceholdersAndUnTickedOnesStay(@TempDir Path tmp) throws IOException {
        String createOptions = "{\"Env\":[\"LICENCE_KEYFILE_PATH=/etc/lic\",\"LICENCE_CODE=" + ENV_LICENCE + "\"]}";
        Skill base = Fixtures.secretSkill(Acceleration.CPU, createOptions);
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("SESSION_TIMEOUT", "30");
        env.put("LICENCE", LICENCE);
        Skill skill = base
                .updateNode("http", n -> n.withSetting(HttpExportNode.URL_KEY, HOOK)
                        .withSecretMark(HttpExportNode.URL_KEY, true))
                .updateNode("colour", n -> n.withSetting(GrpcCustomNode.ENV, env)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.ENV, "SESSION_TIMEOUT"), false)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.ENV, "LICENCE"), true)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.CREATE_OPTIONS, "LICENCE_CODE"), true)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.CREATE_OPTIONS, "LICENCE_KEYFILE_PATH"), false));
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(skill, Fixtures.models(tmp),
                tmp.resolve("pkg"), tmp.resolve("pkg.zip"));
        List<String> leaks = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (String rel : r.files()) {
            String text = new String(Files.readAllBytes(r.folder().resolve(rel)), StandardCharsets.ISO_8859_1);
            all.append(text);
            for (String secret : List.of(HOOK, LICENCE, ENV_LICENCE)) {
                if (text.contains(secret)) {
                    leaks.add(rel + " contains " + secret);
                }
            }
        }
        assertEquals(List.of(), leaks);
        assertTrue(all.toString().contains("SESSION_TIMEOUT"), "the un-ticked entry is in the package");
        assertTrue(all.toString().contains("LICENCE_KEYFILE_PATH=/etc/lic"), "un-ticked Env entry kept as is");
        String listed = r.secrets().toString();
        for (String v : List.of("SD_SECRET_HTTP_URL", "SD_SECRET_COLOUR_ENV_LICENCE", "LICENCE_CODE")) {
            assertTrue(listed.contains(v), v + " is listed for the operator: " + listed);
        }
        assertTrue(!listed.contains("SESSION_TIMEOUT"), "an un-ticked entry needs no variable: " + listed);
    }
}
