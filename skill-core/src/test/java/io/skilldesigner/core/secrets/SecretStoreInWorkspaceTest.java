package io.skilldesigner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/** Secret settings live in the encrypted store; the workspace files (and their backups) hold only references. */
class SecretStoreInWorkspaceTest {
    private static final String PASSWORD = "mqtt-Pa55-secret-31337";
    private final NodeCatalog catalog = NodeCatalog.standard();

    private Skill skill(String password) {
        return Skill.empty("door", "Door").withNodes(List.of(catalog.get(MqttExportNode.ID).newNode("mqtt")
                .withSetting(MqttExportNode.USERNAME, "edge").withSetting(MqttExportNode.PASSWORD, password)));
    }

    /** Every file under {@code dir} that contains {@code value} (as bytes). */
    private static List<Path> holding(Path dir, String value) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                try {
                    return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(value);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    @Test
    void plainTextSecretsOfOldFilesMoveToTheStoreWhenAskedOnceAndNothingIsLost(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        Workspace old = Workspace.open(ws, catalog); // no store: an old version wrote values in plain text
        old.saveSkill(skill(PASSWORD));
        old.saveSkill(skill(PASSWORD).withDescription("edited")); // and a backup holding it too
        Skill plainOnly = Skill.empty("plain", "Plain").withNodes(List.of(catalog.get(MqttExportNode.ID)
                .newNode("mqtt").withSetting(MqttExportNode.USERNAME, "edge")));
        old.saveSkill(plainOnly);
        Files.writeString(ws.resolve("skills/broken.skill.json"), "{ not json");
        assertEquals(2, holding(ws, PASSWORD).size(), "control: file and backup hold the value");

        Workspace w = Workspace.open(ws, catalog, new EncryptedFileSecretStore(tmp.resolve("store")));
        assertEquals(List.of("door"), w.moveSecretsToStore(), "only the skill with a plain secret is rewritten");
        assertEquals(List.of(), holding(ws, PASSWORD), "no workspace file, backup included, holds the value now");
        Skill loaded = w.loadSkill("door");
        assertEquals(PASSWORD, loaded.nodes().get(0).setting(MqttExportNode.PASSWORD), "the value is kept");
        assertEquals("edited", loaded.description());
        assertEquals("{ not json", Files.readString(ws.resolve("skills/broken.skill.json")), "left for listSkills");
        assertEquals(List.of(), w.moveSecretsToStore(), "nothing left to move");
    }

    @Test
    void skillFilesHoldReferencesAndLoadBackTheValues(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        Path store = tmp.resolve("user-config");
        Workspace w = Workspace.open(ws, catalog, new EncryptedFileSecretStore(store));
        Path f = w.saveSkill(skill(PASSWORD));
        w.saveSkill(skill(PASSWORD).withDescription("edited"));
        assertTrue(Files.readString(f).contains(SecretRefs.PREFIX + "door/mqtt/" + MqttExportNode.PASSWORD));
        assertEquals(List.of(), holding(ws, PASSWORD), "no workspace file, backup included, holds the value");
        assertEquals(List.of(), holding(store, PASSWORD), "the store is encrypted");
        assertEquals(PASSWORD, w.loadSkill("door").nodes().get(0).setting(MqttExportNode.PASSWORD));
        // a second process (new store object on the same folder) reads it too
        Workspace again = Workspace.open(ws, catalog, new EncryptedFileSecretStore(store));
        assertEquals(PASSWORD, again.loadSkill("door").nodes().get(0).setting(MqttExportNode.PASSWORD));
        for (String name : List.of(EncryptedFileSecretStore.KEY_FILE, EncryptedFileSecretStore.DATA_FILE)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    store.resolve(name))), name);
        }
    }

    /** A workspace from before the store: its plain-text file must not survive as the backup of the next save. */
    @Test
    void plainTextFromBeforeDoesNotSurviveInTheBackup(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        Workspace.open(ws, catalog).saveSkill(skill(PASSWORD));
        assertEquals(1, holding(ws, PASSWORD).size(), "control: without a store the value is in the file");
        Workspace w = Workspace.open(ws, catalog, new EncryptedFileSecretStore(tmp.resolve("store")));
        assertEquals(PASSWORD, w.loadSkill("door").nodes().get(0).setting(MqttExportNode.PASSWORD));
        Path f = w.saveSkill(w.loadSkill("door").withDescription("edited"));
        assertTrue(Files.exists(AtomicFileWriter.backupOf(f)));
        assertEquals(List.of(), holding(ws, PASSWORD));
    }

    @Test
    void aReplacedKeyIsAClearError(@TempDir Path tmp) throws Exception {
        EncryptedFileSecretStore s = new EncryptedFileSecretStore(tmp);
        s.put("a/b/c", PASSWORD);
        assertEquals(Optional.of(PASSWORD), s.get("a/b/c"));
        Files.write(tmp.resolve(EncryptedFileSecretStore.KEY_FILE), new byte[32]);
        IOException e = assertThrows(IOException.class, () -> new EncryptedFileSecretStore(tmp).get("a/b/c"));
        assertTrue(e.getMessage().contains("cannot be decrypted"), e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD));
    }

    /** Env entries named like secrets (DB_PASS, STRIPE_KEY) go to the store too; the others stay in the file. */
    @Test
    void secretEnvEntriesAreStoredToo(@TempDir Path tmp) throws Exception {
        Path ws = tmp.resolve("ws");
        Workspace w = Workspace.open(ws, catalog, new EncryptedFileSecretStore(tmp.resolve("store")));
        java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("DB_PASS", "db-pass-value-9911");
        env.put("STRIPE_KEY", "sk_live_value_8822");
        env.put("LOG_LEVEL", "debug");
        Skill s = Skill.empty("door", "Door").withNodes(List.of(catalog.get(
                io.skilldesigner.core.catalog.nodes.GrpcCustomNode.ID).newNode("g")
                .withSetting(io.skilldesigner.core.catalog.nodes.GrpcCustomNode.ENV, env)));
        Path f = w.saveSkill(s);
        String text = Files.readString(f);
        assertFalse(text.contains("db-pass-value-9911") || text.contains("sk_live_value_8822"), text);
        assertTrue(text.contains("debug"), "entries that are not secret stay readable");
        assertEquals(env, w.loadSkill("door").nodes().get(0)
                .setting(io.skilldesigner.core.catalog.nodes.GrpcCustomNode.ENV));
    }
}
