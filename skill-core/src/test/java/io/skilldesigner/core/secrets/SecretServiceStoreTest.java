package io.skilldesigner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * A real Secret Service ({@link TestKeyring}: the test's own session bus and an unlocked GNOME Keyring), so it
 * runs the same on a desktop, headless and in CI, without touching the user's keyring.
 */
class SecretServiceStoreTest {
    private static final String PASSWORD = "keyring-Pa55-424242";
    @TempDir
    Path home;
    private TestKeyring keyring;
    private Map<String, String> env;

    @BeforeEach
    void startKeyring() throws Exception {
        keyring = TestKeyring.start(home);
        env = keyring.env();
    }

    @AfterEach
    void stopKeyring() throws Exception {
        keyring.close();
    }

    @Test
    void storesReadsAndDeletesThroughTheSecretService() throws Exception {
        SecretServiceStore store = SecretServiceStore.ifRunning(env).orElseThrow(
                () -> new AssertionError("the Secret Service on the test's bus was not found"));
        assertEquals(Optional.empty(), store.get("s/n/password"));
        store.put("s/n/password", PASSWORD);
        assertEquals(Optional.of(PASSWORD), store.get("s/n/password"));
        store.put("s/n/password", PASSWORD + "-2");
        assertEquals(Optional.of(PASSWORD + "-2"), store.get("s/n/password"));
        store.delete("s/n/password");
        assertEquals(Optional.empty(), store.get("s/n/password"));
    }

    @Test
    void workspaceKeepsOnlyAReference(@TempDir Path ws) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        SecretServiceStore store = SecretServiceStore.ifRunning(env).orElseThrow();
        Workspace w = Workspace.open(ws, catalog, store);
        Skill s = Skill.empty("door", "Door").withNodes(List.of(catalog.get(MqttExportNode.ID).newNode("mqtt")
                .withSetting(MqttExportNode.PASSWORD, PASSWORD)));
        Path f = w.saveSkill(s);
        assertFalse(Files.readString(f).contains(PASSWORD));
        assertEquals(Optional.of(PASSWORD), store.get("door/mqtt/" + MqttExportNode.PASSWORD), "in the keyring");
        assertEquals(PASSWORD, w.loadSkill("door").nodes().get(0).setting(MqttExportNode.PASSWORD));
    }

    @Test
    void removedAndDeletedSecretsLeaveTheKeyring(@TempDir Path ws) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        SecretServiceStore store = SecretServiceStore.ifRunning(env).orElseThrow();
        SecretStoreCleanupTest.removalsLeaveNoOrphans(Workspace.open(ws, catalog, store), store, catalog);
        assertEquals(List.of(), store.refs(), "no skill-designer item is left in the keyring");
    }

    @Test
    void noServiceOnTheBusMeansNoStore() {
        assertEquals(Optional.empty(), SecretServiceStore.ifRunning(Map.of("DBUS_SESSION_BUS_ADDRESS",
                "unix:path=" + home.resolve("no-such-bus"))));
    }
}
