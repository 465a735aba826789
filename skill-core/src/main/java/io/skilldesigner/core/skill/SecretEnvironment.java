package io.skilldesigner.core.skill;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret placeholders as exported packages write them ({@code ${SD_SECRET_NODE_KEY}}, or {@code $SD_SECRET_..._USERINFO}
 * inside a URL) and their expansion from the environment on the device. One definition shared by the package
 * writer and the runtime.
 */
public final class SecretEnvironment {
    public static final String PREFIX = "SD_SECRET_";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(" + PREFIX + "[A-Z0-9_]+)\\}|\\$(" + PREFIX
            + "[A-Z0-9_]+)");

    private final UnaryOperator<String> env;

    /** @param env looks a variable up; null when unset (e.g. {@code System::getenv}) */
    public SecretEnvironment(UnaryOperator<String> env) {
        this.env = env;
    }

    public static SecretEnvironment system() {
        return new SecretEnvironment(System::getenv);
    }

    public static boolean hasPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** The variables a text refers to. */
    public static Set<String> variablesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return out;
    }

    /**
     * Replaces every placeholder by its variable's value.
     *
     * @throws IllegalStateException naming the first variable that is not set (never its value)
     */
    public String expand(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2);
            String value = env.apply(name);
            if (value == null) {
                throw new IllegalStateException("secret environment variable " + name + " is not set");
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
