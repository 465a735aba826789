package io.skilldesigner.core.skill;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

    /** Azure connection strings, SAS tokens, passwords in key=value text, bearer tokens: the value itself. */
    private static final Pattern CREDENTIAL = Pattern.compile(
            "(?i)(AccountKey=|SharedAccessKey=|SharedAccessSignature=|[?&]sig=|\\bsig=|Password=|Pwd=|Bearer\\s)");
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^@/\\s?#]+@");

    private SecretNames() {
    }

    /** True when the text holds credential material whatever its name (connection string, SAS, bearer token). */
    public static boolean looksLikeCredential(String value) {
        return value != null && CREDENTIAL.matcher(value).find();
    }

    /** The text with the {@code user:password@} part of any URL in it removed. */
    public static String withoutUserInfo(String text) {
        return text == null ? null : USERINFO.matcher(text).replaceAll("$1");
    }

    /** True when the text has a URL with {@code user:password@}. */
    public static boolean hasUserInfo(String text) {
        return text != null && USERINFO.matcher(text).find();
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
