package io.skilldesigner.app.secrets;

import java.util.Optional;

import com.github.javakeyring.KeyringStorageType;

/**
 * Run in a child JVM by {@link OsKeyringStoreTest}, on the test's own session bus (the bus address is read from
 * the environment when the backend starts, so it cannot be set inside the test's JVM). Prints one line per step.
 */
public final class KeyringProbe {
    private KeyringProbe() {
    }

    public static void main(String[] args) throws Exception {
        String ref = args[0];
        String value = args[1];
        try (OsKeyringStore store = OsKeyringStore.open(KeyringStorageType.GNOME_KEYRING, "Secret Service")
                .orElseThrow(() -> new IllegalStateException("java-keyring's Secret Service backend did not start"))) {
            System.out.println("before=" + show(store.get(ref)));
            store.put(ref, value + "-old");
            store.put(ref, value); // replaces, does not add a second entry
            System.out.println("after-put=" + show(store.get(ref)));
            System.out.flush();
            if (args.length > 2 && args[2].equals("keep")) {
                return; // the test reads it with another client, then runs the probe again to delete
            }
            store.delete(ref);
            System.out.println("after-delete=" + show(store.get(ref)));
            store.delete(ref);
            System.out.println("second-delete=ok");
        }
    }

    private static String show(Optional<String> v) {
        return v.map(s -> "[" + s + "]").orElse("absent");
    }
}
