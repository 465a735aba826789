package io.skilldesigner.core.secrets;

import java.io.IOException;
import java.util.Optional;

/**
 * Where secret values live instead of the workspace files, which hold only a reference to them (see
 * {@link SecretRefs}). Implementations: {@link EncryptedFileSecretStore} (a per-user encrypted file); an OS
 * credential store can implement the same three calls.
 */
public interface SecretStore {
    void put(String ref, String value) throws IOException;

    Optional<String> get(String ref) throws IOException;

    void delete(String ref) throws IOException;
}
