package io.skilldesigner.core.workspace;

import java.util.List;

/** What a workspace folder holds: the entries that loaded, and the files that did not (with why). */
public record Listing<T>(List<T> items, List<LoadError> errors) {
    public Listing {
        items = List.copyOf(items);
        errors = List.copyOf(errors);
    }
}
