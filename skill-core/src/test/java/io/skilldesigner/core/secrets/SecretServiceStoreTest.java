package io.skilldesigner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * A real Secret Service: the test starts its own session bus (dbus-daemon) and an unlocked GNOME Keyring on it
 * (Debian packages dbus-daemon, gnome-keyring, libsecret-tools; in .ci/apt-packages.txt), so it runs the same on a
 * desktop, headless and in CI, without touching the user's keyring.
 */
class SecretServiceStoreTest {
    private static final String PASSWORD = "keyring-Pa55-424242";
    @TempDir
    Path home;
    private Process bus;
    private Map<String, String> env;

    @BeforeEach
    void startKeyring() throws Exception {
        AssertionError failed = null;
        // now and then (seen on a loaded machine) the daemon never makes its login collection: start afresh
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                startKeyring(Files.createDirectories(home.resolve("keyring-" + attempt)));
                return;
            } catch (AssertionError e) {
                failed = e;
                stopKeyring();
            }
        }
        throw failed;
    }

    private void startKeyring(Path dir) throws Exception {
        bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(address != null && address.startsWith("unix:"), "dbus-daemon address: " + address);
        env = Map.of("DBUS_SESSION_BUS_ADDRESS", address, "HOME", dir.toString(),
                "XDG_DATA_HOME", dir.resolve("data").toString(), "XDG_RUNTIME_DIR", dir.toString());
        ProcessBuilder pb = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("test-keyring-password".getBytes(StandardCharsets.UTF_8)); // unlocks a new login keyring
        }
        assertTrue(keyring.waitFor(30, TimeUnit.SECONDS), "gnome-keyring-daemon started");
        awaitLoginCollection();
    }

    /** The daemon answers before its login collection exists; the first store may fail until then. */
    private void awaitLoginCollection() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        IOException last = null;
        while (System.nanoTime() < until) {
            Optional<SecretServiceStore> s = SecretServiceStore.ifRunning(env);
            if (s.isPresent()) {
                try {
                    s.get().put("__ready__", "x");
                    s.get().delete("__ready__");
                    return;
                } catch (IOException e) {
                    last = e;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the test keyring did not become ready", last);
    }

    @AfterEach
    void stopKeyring() throws Exception {
        // gnome-keyring-daemon leaves when its bus goes away
        bus.destroy();
        bus.waitFor(10, TimeUnit.SECONDS);
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
