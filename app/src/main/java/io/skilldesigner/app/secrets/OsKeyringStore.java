package io.skilldesigner.app.secrets;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.KeyringStorageType;
import com.github.javakeyring.PasswordAccessException;

import io.skilldesigner.core.secrets.SecretStore;

/**
 * The operating system's credential store through java-keyring: the macOS Keychain and the Windows Credential
 * Manager (on Linux the app uses libsecret's {@code secret-tool}, see skill-core's {@code SecretServiceStore}; this
 * class also drives java-keyring's Secret Service backend, which is how it is tested on Linux). One entry per
 * reference: service {@code skill-designer}, account {@code <skill>/<node>/<setting>}.
 */
public final class OsKeyringStore implements SecretStore, AutoCloseable {
    static final String SERVICE = "skill-designer";
    /**
     * java-keyring says "missing" only in words, one wording per backend: Secret Service "No stored credentials
     * match", Windows "Password not Found", macOS "The specified item could not be found in the keychain".
     * Anything else is an error, never an absent secret: an absent secret would be saved back as empty.
     */
    private static final Pattern MISSING = Pattern.compile(
            "no stored credentials match|password not found|could not be found", Pattern.CASE_INSENSITIVE);

    private final Keyring keyring;
    private final String name;

    private OsKeyringStore(Keyring keyring, String name) {
        this.keyring = keyring;
        this.name = name;
    }

    /** The credential store of the OS named ({@code os.name}) when java-keyring supports it here, else empty. */
    public static Optional<OsKeyringStore> forOs(String osName) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("mac")) {
            return open(KeyringStorageType.OSX_KEYCHAIN, "macOS Keychain");
        }
        if (os.startsWith("windows")) {
            return open(KeyringStorageType.WINDOWS_CREDENTIAL_STORE, "Windows Credential Manager");
        }
        return Optional.empty();
    }

    /** java-keyring's backend of the given type, if it can start here (e.g. its Secret Service one on Linux). */
    public static Optional<OsKeyringStore> open(KeyringStorageType type, String name) {
        try {
            return Optional.of(new OsKeyringStore(Keyring.create(type), name));
        } catch (BackendNotSupportedException | RuntimeException e) {
            // Not available on this machine (no Keychain, no bus...): the caller falls back to another store.
            System.getLogger(OsKeyringStore.class.getName()).log(System.Logger.Level.INFO,
                    name + " is not available: " + e.getMessage());
            return Optional.empty();
        }
    }

    /** For the status bar: where secrets are kept. */
    public String name() {
        return name;
    }

    @Override
    public void put(String ref, String value) throws IOException {
        try {
            keyring.setPassword(SERVICE, ref, value);
        } catch (PasswordAccessException | RuntimeException e) {
            throw new IOException("the " + name + " did not store '" + ref + "': " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> get(String ref) throws IOException {
        try {
            return Optional.of(keyring.getPassword(SERVICE, ref));
        } catch (PasswordAccessException e) {
            if (missing(e)) {
                return Optional.empty();
            }
            throw new IOException("the " + name + " did not answer for '" + ref + "': " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new IOException("the " + name + " did not answer for '" + ref + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void delete(String ref) throws IOException {
        try {
            keyring.deletePassword(SERVICE, ref);
        } catch (PasswordAccessException e) {
            if (!missing(e)) { // deleting what is not there is done already
                throw new IOException("the " + name + " did not delete '" + ref + "': " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            throw new IOException("the " + name + " did not delete '" + ref + "': " + e.getMessage(), e);
        }
    }

    private static boolean missing(PasswordAccessException e) {
        return e.getMessage() != null && MISSING.matcher(e.getMessage()).find();
    }

    @Override
    public void close() throws IOException {
        try {
            keyring.close();
        } catch (Exception e) {
            throw new IOException("closing the " + name + ": " + e.getMessage(), e);
        }
    }
}
