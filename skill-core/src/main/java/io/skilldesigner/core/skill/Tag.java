package io.skilldesigner.core.skill;

import java.util.Objects;

/** A name/value tag on a skill or a model. */
public record Tag(String name, String value) {
    public Tag {
        Objects.requireNonNull(name, "name");
        value = value == null ? "" : value;
    }
}
