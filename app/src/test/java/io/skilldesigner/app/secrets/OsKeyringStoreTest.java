package io.skilldesigner.app.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.secrets.TestKeyring;

/**
 * The java-keyring adapter against a real Secret Service: the test starts its own session bus and an unlocked GNOME
 * Keyring (skill-core's {@link TestKeyring}), runs the adapter in a child JVM on that bus and reads the
 * entry back with another client, libsecret's {@code secret-tool}. The macOS and Windows backends cannot run here;
 * they share this adapter and differ only in the backend java-keyring picks.
 */
class OsKeyringStoreTest {
    private static final String VALUE = "kc-S3cret-777";
    private static final String REF = "door/mqtt/password";
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
    void storesReplacesReadsAndDeletesThroughJavaKeyringAndAnotherClientSeesTheEntry() throws Exception {
        List<String> kept = probeUntilReady(REF, VALUE, "keep");
        assertEquals(List.of("before=absent", "after-put=[" + VALUE + "]"), kept);
        assertEquals(VALUE, secretTool("lookup", "service", OsKeyringStore.SERVICE, "account", REF),
                "the value is in the keyring itself, under service skill-designer and the reference");

        List<String> again = probe(REF, VALUE);
        assertEquals(List.of("before=[" + VALUE + "]", "after-put=[" + VALUE + "]", "after-delete=absent",
                "second-delete=ok"), again);
        assertEquals("", secretTool("lookup", "service", OsKeyringStore.SERVICE, "account", REF), "deleted for good");
    }

    @Test
    void otherSystemsStoresAreNotPickedHereAndTheAppFallsBack() {
        assertEquals(Optional.empty(), OsKeyringStore.forOs("Linux").map(OsKeyringStore::name),
                "Linux uses secret-tool, not java-keyring");
        assertEquals(Optional.empty(), OsKeyringStore.forOs("Windows 11").map(OsKeyringStore::name),
                "the Windows backend cannot start on Linux: no store, the caller falls back");
        assertEquals(Optional.empty(), OsKeyringStore.forOs("Mac OS X").map(OsKeyringStore::name));
    }

    /** The keyring's login collection appears a moment after the daemon answers: retry the first probe. */
    private List<String> probeUntilReady(String ref, String value, String mode) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        AssertionError last = null;
        while (System.nanoTime() < until) {
            try {
                return probe(ref, value, mode);
            } catch (AssertionError e) {
                last = e;
                Thread.sleep(200);
            }
        }
        throw last;
    }

    private List<String> probe(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KeyringProbe.class.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe finished");
        assertEquals(0, p.exitValue(), out);
        return out.lines().filter(l -> l.contains("=")).filter(l -> !l.contains(" ")).toList();
    }

    private String secretTool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("secret-tool"));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(20, TimeUnit.SECONDS));
        return out;
    }
}
