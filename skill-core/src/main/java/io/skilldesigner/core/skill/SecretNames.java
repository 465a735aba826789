package io.skilldesigner.core.skill;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a name (environment variable, key of a key/value entry, parameter) looks like it holds a secret. Only a
 * first guess: the editor pre-ticks an entry's "secret" mark with it and the package writer treats such entries as
 * secret. Matches whole words of the name, so {@code DB_PASS}, {@code STRIPE_KEY}, {@code apiKey} and
 * {@code AccountKey} are secret while {@code KEYFRAME_INTERVAL} or {@code PASSTHROUGH} are not.
 */
public final class SecretNames {
    private static final Set<String> WORDS = Set.of("pass", "passwd", "password", "passphrase", "pwd", "secret",
            "token", "key", "apikey", "credential", "credentials", "sas", "sig", "signature", "connectionstring",
            "auth", "authorization", "cookie", "session", "private", "cert", "pat");

    private SecretNames() {
    }

    public static boolean looksSecret(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        String joined = spaced.replaceAll("[^a-z0-9]+", "");
        if (joined.endsWith("connectionstring") || joined.endsWith("apikey") || joined.endsWith("accesskey")) {
            return true;
        }
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (WORDS.contains(word)) {
                return true;
            }
        }
        return false;
    }
}
