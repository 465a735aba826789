package io.skilldesigner.app.secrets;

import java.util.Optional;

import io.skilldesigner.core.secrets.EncryptedFileSecretStore;
import io.skilldesigner.core.secrets.SecretStores;

/**
 * The app's secret store: the OS credential store on macOS and Windows (java-keyring), else skill-core's choice (the
 * desktop's Secret Service on Linux, or the per-user encrypted file). A set encrypted-file folder (tests, portable
 * installs) wins over every OS store.
 */
public final class AppSecretStores {
    private AppSecretStores() {
    }

    public static SecretStores.Chosen forThisUser() {
        if (System.getProperty(EncryptedFileSecretStore.DIR_PROPERTY) == null) {
            Optional<OsKeyringStore> os = OsKeyringStore.forOs(System.getProperty("os.name", ""));
            if (os.isPresent()) {
                return new SecretStores.Chosen(os.get(), "Secrets: " + os.get().name());
            }
        }
        return SecretStores.forThisUser();
    }
}
