package io.skilldesigner.core.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;

import io.skilldesigner.core.io.AtomicFileWriter;

/**
 * Secrets in one AES-256-GCM encrypted file in a per-user folder (not the workspace, which gets copied and shared),
 * with its random key beside it; both files are readable by their owner only (0600). Protects against the files
 * being read by others or leaking with a workspace, not against the same user's processes: an OS credential store
 * is preferable where one runs.
 */
public final class EncryptedFileSecretStore implements SecretStore {
    /** Where the file store lives instead of the per-user folder (portable installs, tests). */
    public static final String DIR_PROPERTY = "skilldesigner.secrets.dir";
    static final String KEY_FILE = "secrets.key";
    static final String DATA_FILE = "secrets.enc";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Path dir;
    private final SecureRandom random = new SecureRandom();
    private final Gson gson = new Gson();

    public EncryptedFileSecretStore(Path dir) {
        this.dir = dir;
    }

    /** The per-user folder: $XDG_CONFIG_HOME or ~/.config on Linux, %APPDATA% on Windows, Application Support on macOS. */
    public static Path userDefaultDir() {
        String override = System.getProperty(DIR_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win") && System.getenv("APPDATA") != null) {
            return Path.of(System.getenv("APPDATA"), "SkillDesigner");
        }
        if (os.contains("mac")) {
            return home.resolve("Library/Application Support/SkillDesigner");
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        return (xdg == null || xdg.isBlank() ? home.resolve(".config") : Path.of(xdg)).resolve("SkillDesigner");
    }

    @Override
    public synchronized void put(String ref, String value) throws IOException {
        Map<String, String> all = readAll();
        if (value.equals(all.get(ref))) {
            return;
        }
        all.put(ref, value);
        writeAll(all);
    }

    @Override
    public synchronized Optional<String> get(String ref) throws IOException {
        return Optional.ofNullable(readAll().get(ref));
    }

    @Override
    public synchronized void delete(String ref) throws IOException {
        Map<String, String> all = readAll();
        if (all.remove(ref) != null) {
            writeAll(all);
        }
    }

    /** Every entry (for tests that check nothing is left behind). */
    synchronized Map<String, String> all() throws IOException {
        return Map.copyOf(readAll());
    }

    private Map<String, String> readAll() throws IOException {
        Path data = dir.resolve(DATA_FILE);
        if (!Files.isRegularFile(data)) {
            return new TreeMap<>();
        }
        byte[] bytes = Files.readAllBytes(data);
        if (bytes.length <= IV_BYTES) {
            throw new IOException(data + " is damaged (too short)");
        }
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(false), new GCMParameterSpec(TAG_BITS, bytes, 0, IV_BYTES));
            byte[] plain = c.doFinal(bytes, IV_BYTES, bytes.length - IV_BYTES);
            Map<String, String> m = gson.fromJson(new String(plain, StandardCharsets.UTF_8),
                    new TypeToken<TreeMap<String, String>>() { }.getType());
            Arrays.fill(plain, (byte) 0);
            return m == null ? new TreeMap<>() : m;
        } catch (GeneralSecurityException e) {
            throw new IOException(data + " cannot be decrypted with " + dir.resolve(KEY_FILE)
                    + " (damaged, or the key file was replaced)", e);
        }
    }

    private void writeAll(Map<String, String> all) throws IOException {
        byte[] plain = gson.toJson(all).getBytes(StandardCharsets.UTF_8);
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(true), new GCMParameterSpec(TAG_BITS, iv));
            byte[] sealed = c.doFinal(plain);
            byte[] out = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, out, 0, IV_BYTES);
            System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
            AtomicFileWriter.write(dir.resolve(DATA_FILE), o -> o.write(out), false);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot encrypt the secrets: " + e.getMessage(), e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private SecretKeySpec key(boolean create) throws IOException {
        Path f = dir.resolve(KEY_FILE);
        if (!Files.isRegularFile(f)) {
            if (!create) {
                throw new IOException("the key file " + f + " is missing; the secrets in " + DATA_FILE
                        + " cannot be read");
            }
            byte[] k = new byte[32];
            random.nextBytes(k);
            AtomicFileWriter.write(f, o -> o.write(k), false);
        }
        byte[] k = Files.readAllBytes(f);
        if (k.length != 32) {
            throw new IOException("the key file " + f + " is damaged");
        }
        return new SecretKeySpec(k, "AES");
    }
}
