package io.skilldesigner.app.ui;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.skilldesigner.core.skill.Tag;

/** Words for summaries and file names: no raw "{}" or "[]" where a user reads, names as the user wrote them. */
public final class Summaries {
    private Summaries() {
    }

    /** "site=lab, demo" or "none". */
    public static String tags(List<Tag> tags) {
        return tags.isEmpty() ? "none" : tags.stream().map(t -> t.name() + (t.value().isEmpty() ? "" : "=" + t.value()))
                .collect(Collectors.joining(", "));
    }

    /** True for a setting value that says nothing: null, blank text, an empty list or map. */
    public static boolean isEmpty(Object v) {
        return v == null || (v instanceof String s && s.isBlank()) || (v instanceof Collection<?> c && c.isEmpty())
                || (v instanceof Map<?, ?> m && m.isEmpty());
    }

    /** A file-name-safe form of a name ("Demo: ball colours" → "demo-ball-colours"); empty if nothing is left. */
    public static String slug(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
    }
}
