package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.skill.Acceleration;

/**
 * Docker-style {@code Env} entries inside a container node's create options: secret ones become placeholders, the
 * create options stay valid JSON (a valid {@code {"Env":["DB_PASSWORD=..."]}} once broke the export).
 */
class EnvSecretsInCreateOptionsTest {
    static final String DB_PASSWORD = "db-Pa55-77aa";
    static final String DB_PASS = "short-pass-1234";
    static final String STRIPE = "sk_live_51Hxyzabc";

    @Test
    void envEntriesAreRedactedAndTheExportSucceeds(@TempDir Path tmp) throws IOException {
        String createOptions = "{\"Env\":[\"DB_PASSWORD=" + DB_PASSWORD + "\",\"DB_PASS=" + DB_PASS
                + "\",\"STRIPE_KEY=" + STRIPE + "\",\"LOG_LEVEL=debug\"],"
                + "\"HostConfig\":{\"PortBindings\":{\"50051/tcp\":[{\"HostPort\":\"50051\"}]}}}";
        ExportResult r = new EdgePackageExporter(Fixtures.catalog(), "1.0.0").export(
                Fixtures.secretSkill(Acceleration.CPU, createOptions), Fixtures.models(tmp), tmp.resolve("pkg"),
                tmp.resolve("pkg.zip"));
        List<String> leaks = new ArrayList<>();
        boolean logLevelKept = false;
        for (String rel : r.files()) {
            String text = new String(Files.readAllBytes(r.folder().resolve(rel)), StandardCharsets.ISO_8859_1);
            for (String secret : List.of(DB_PASSWORD, DB_PASS, STRIPE)) {
                if (text.contains(secret)) {
                    leaks.add(rel + " contains " + secret.substring(0, 4) + "…");
                }
            }
            logLevelKept |= text.contains("LOG_LEVEL=debug");
        }
        assertEquals(List.of(), leaks);
        assertTrue(logLevelKept, "entries that are not secret are kept");
        String listed = String.join("\n", r.secrets().stream().map(Object::toString).toList());
        for (String name : List.of("DB_PASSWORD", "DB_PASS", "STRIPE_KEY")) {
            assertTrue(listed.contains("ENV_" + name), "the README lists " + name + ":\n" + listed);
        }
        String zip = new String(Files.readAllBytes(r.zip()), StandardCharsets.ISO_8859_1);
        assertTrue(!zip.contains(DB_PASSWORD) && !zip.contains(STRIPE));
    }
}
