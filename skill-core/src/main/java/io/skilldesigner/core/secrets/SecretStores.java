package io.skilldesigner.core.secrets;

import java.nio.file.Path;
import java.util.Map;

/** The store the app uses: the desktop's Secret Service where one runs, else the per-user encrypted file. */
public final class SecretStores {
    private SecretStores() {
    }

    /** @return the store and, for the status bar, where secrets are kept */
    public static Chosen forThisUser() {
        if (System.getProperty(EncryptedFileSecretStore.DIR_PROPERTY) != null) {
            Path dir = EncryptedFileSecretStore.userDefaultDir();
            return new Chosen(new EncryptedFileSecretStore(dir), "Secrets: encrypted file in " + dir);
        }
        return SecretServiceStore.ifRunning(Map.of())
                .<Chosen>map(s -> new Chosen(s, "Secrets: desktop keyring (Secret Service)"))
                .orElseGet(() -> new Chosen(new EncryptedFileSecretStore(EncryptedFileSecretStore.userDefaultDir()),
                        "Secrets: encrypted file in " + EncryptedFileSecretStore.userDefaultDir()
                                + " (no desktop keyring running)"));
    }

    public record Chosen(SecretStore store, String description) {
    }
}
