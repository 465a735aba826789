package io.skilldesigner.core.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.google.gson.JsonElement;

import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.SecretNames;
import io.skilldesigner.core.skill.SkillNode;

/**
 * The one answer to "is this value secret?" for the store, package and KAN export, diff and messages: the
 * catalog's flag ({@link SettingSpec#isSecret()}, which nothing can take away), then the user's explicit tick on
 * the node ({@link SkillNode#secretMarks()}), then the name and value heuristic ({@link SecretNames}), which only
 * stands in where there is no tick.
 */
public final class Secrecy {
    private Secrecy() {
    }

    /** Where a tick is kept: the setting key, or {@code key/ENTRY} for one entry of a key/value list or Env. */
    public static String path(String key, String entry) {
        return entry == null ? key : key + "/" + entry;
    }

    /** The whole setting is secret: the catalog says so, or the user ticked it. */
    public static boolean setting(SettingSpec spec, SkillNode node, String key) {
        return (spec != null && spec.isSecret()) || node.secretMark(key).orElse(false);
    }

    /** A text setting's value is secret: as {@link #setting}, or, without a tick, it holds a credential. */
    public static boolean text(SettingSpec spec, SkillNode node, String key, String value) {
        return setting(spec, node, key)
                || (node.secretMark(key).isEmpty() && SecretNames.looksLikeCredential(value));
    }

    /** One entry (key/value list, or {@code NAME=value} of an Env) is secret: whole setting, tick, or heuristic. */
    public static boolean entry(SettingSpec spec, SkillNode node, String key, String entry, String value) {
        if (setting(spec, node, key)) {
            return true;
        }
        return node.secretMark(path(key, entry)).orElseGet(() -> suggested(entry, value));
    }

    /**
     * A JSON setting (container create options) holds a secret {@code "NAME=value"} entry of an array (Docker's
     * {@code Env}), by {@link #entry}: the store then keeps the whole JSON, as the file cannot hold part of a string.
     */
    public static boolean holdsSecretEnvEntry(SettingSpec spec, SkillNode node, String key, String json) {
        List<String> names = new ArrayList<>();
        withSecretEnvEntriesEmpty(spec, node, key, json, names::add);
        return !names.isEmpty();
    }

    /**
     * The JSON setting with the value of each secret {@code "NAME=value"} array entry emptied ({@code "NAME="}),
     * each NAME given to {@code emptied}; anything else (not a JSON setting, not an object, not JSON yet: validation
     * reports it) is returned as it is.
     */
    public static String withSecretEnvEntriesEmpty(SettingSpec spec, SkillNode node, String key, String json,
                                                   Consumer<String> emptied) {
        if (spec == null || spec.type() != SettingType.JSON) {
            return json;
        }
        Optional<JsonElement> root = EnvEntries.parse(json);
        if (root.isEmpty()) {
            return json;
        }
        List<String> names = new ArrayList<>();
        EnvEntries.rewrite(root.get(), (name, value) -> {
            if (!value.isEmpty() && entry(spec, node, key, name, value)) {
                names.add(name);
                return "";
            }
            return value;
        });
        names.forEach(emptied);
        return names.isEmpty() ? json : root.get().toString();
    }

    /** What the editor pre-ticks for an entry without a tick of its own. */
    public static boolean suggested(String name, String value) {
        return SecretNames.looksSecret(name) || SecretNames.looksLikeCredential(value);
    }

    /** Whether the user can change the tick of a setting (a catalog secret stays secret). */
    public static boolean canUnmark(SettingSpec spec) {
        return spec == null || !spec.isSecret();
    }
}
