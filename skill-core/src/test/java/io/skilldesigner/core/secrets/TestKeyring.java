package io.skilldesigner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Secret Service for tests: its own session bus (dbus-daemon) and an unlocked GNOME Keyring on it (Debian
 * packages dbus-daemon, gnome-keyring, libsecret-tools; in .ci/apt-packages.txt), so tests run the same on a desktop,
 * headless and in CI without touching the user's keyring. Shared with the app's tests (skill-core's test-jar).
 */
public final class TestKeyring implements AutoCloseable {
    private final Process bus;
    private final Map<String, String> env;

    private TestKeyring(Process bus, Map<String, String> env) {
        this.bus = bus;
        this.env = env;
    }

    /** Starts a bus and a keyring under {@code home}, ready to store; retried afresh if one never gets ready. */
    public static TestKeyring start(Path home) throws Exception {
        AssertionError failed = null;
        // now and then (seen on a loaded machine) the daemon never makes its login collection: start afresh
        for (int attempt = 1; attempt <= 3; attempt++) {
            TestKeyring k = startOnce(Files.createDirectories(home.resolve("keyring-" + attempt)));
            try {
                k.awaitReady();
                return k;
            } catch (AssertionError e) {
                failed = e;
                k.close();
            }
        }
        throw failed;
    }

    private static TestKeyring startOnce(Path dir) throws Exception {
        Process bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        assertTrue(address != null && address.startsWith("unix:"), "dbus-daemon address: " + address);
        Map<String, String> env = Map.of("DBUS_SESSION_BUS_ADDRESS", address, "HOME", dir.toString(),
                "XDG_DATA_HOME", dir.resolve("data").toString(), "XDG_RUNTIME_DIR", dir.toString());
        ProcessBuilder pb = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        Process keyring = pb.start();
        try (OutputStream in = keyring.getOutputStream()) {
            in.write("test-keyring-password".getBytes(StandardCharsets.UTF_8)); // unlocks a new login keyring
        }
        assertTrue(keyring.waitFor(30, TimeUnit.SECONDS), "gnome-keyring-daemon started");
        return new TestKeyring(bus, env);
    }

    /**
     * The daemon answers before its login collection exists, and a store before then waits for a prompt that never
     * comes: wait for the collection's file first, then for a store and delete to work.
     */
    private void awaitReady() throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        Path login = Path.of(env.get("XDG_DATA_HOME"), "keyrings", "login.keyring");
        while (!Files.exists(login) && System.nanoTime() < until) {
            Thread.sleep(50);
        }
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

    /** The environment that reaches this keyring (bus address, home) for child processes. */
    public Map<String, String> env() {
        return env;
    }

    /** Stops the bus; gnome-keyring-daemon leaves when its bus goes away. */
    @Override
    public void close() throws InterruptedException {
        bus.destroy();
        bus.waitFor(10, TimeUnit.SECONDS);
    }
}
