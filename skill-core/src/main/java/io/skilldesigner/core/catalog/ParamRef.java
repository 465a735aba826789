package io.skilldesigner.core.catalog;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code $param(NAME)} placeholders, as KAN writes them in node configurations. */
public final class ParamRef {
    private static final Pattern WHOLE = Pattern.compile("^\\s*\\$param\\(([A-Za-z_][A-Za-z0-9_.-]*)\\)\\s*$");
    private static final Pattern ANY = Pattern.compile("\\$param\\(([^)]*)\\)");
    // every setting of every node is asked about when a skill is checked; most hold no placeholder
    private static final String OPENING = "$param(";

    private ParamRef() {
    }

    public static boolean isParamRef(String value) {
        return value != null && value.contains(OPENING) && WHOLE.matcher(value).matches();
    }

    /** The parameter name when the whole value is one placeholder. */
    public static Optional<String> name(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = WHOLE.matcher(value);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** Every parameter name referenced anywhere in the text (placeholders may be embedded). */
    public static Set<String> namesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text != null && text.contains(OPENING)) {
            Matcher m = ANY.matcher(text);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    public static String of(String name) {
        return OPENING + name + ")";
    }
}
