package io.skilldesigner.packaging;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.SecretNames;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Replaces every secret in a skill by a placeholder naming an environment variable, so nothing secret is ever
 * written into a package: what {@link Secrecy} calls secret (the catalog's flag, the user's "secret" tick on a
 * setting, a key/value entry or an {@code Env} entry, else secret-looking names), parameters with secret-looking
 * names, credentials in URLs ({@code rtsp://user:pass@}), values that look like Azure connection strings or SAS
 * tokens anywhere (settings, env lists, parameters).
 */
public final class SecretPlaceholders {
    public static final String PREFIX = io.skilldesigner.core.skill.SecretEnvironment.PREFIX;
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)([^@/\\s?#]+)@");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{?" + PREFIX + "[A-Z0-9_]+}?");

    private final NodeCatalog catalog;

    public SecretPlaceholders(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The skill with secrets replaced, and what was replaced (in node order).
     *
     * @param secretValues the values taken out, only so that the exporter can prove no file contains them; never
     *                     show or log them
     */
    public record Redaction(Skill skill, List<SecretRef> secrets, Set<String> secretValues) {
        public Redaction {
            secrets = List.copyOf(secrets);
            secretValues = Set.copyOf(secretValues);
        }
    }

    public Redaction redact(Skill skill) {
        List<SecretRef> secrets = new ArrayList<>();
        Set<String> values = new HashSet<>();
        List<SkillNode> nodes = new ArrayList<>();
        for (SkillNode node : skill.nodes()) {
            Optional<NodeType> type = catalog.find(node.typeId());
            Map<String, Object> settings = new TreeMap<>();
            for (Map.Entry<String, Object> e : node.settings().entrySet()) {
                SettingSpec spec = type.flatMap(t -> t.setting(e.getKey())).orElse(null);
                Owner owner = new Owner(spec, node, e.getKey());
                String label = type.map(NodeType::displayName).orElse(node.typeId());
                settings.put(e.getKey(), redactValue(e.getValue(), owner, node.id(), e.getKey(),
                        label + " '" + node.id() + "', setting " + e.getKey(), secrets, values));
            }
            nodes.add(node.withSettings(settings));
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : skill.parameters().entrySet()) {
            Object v = redactValue(e.getValue(), null, "", e.getKey(),
                    "skill parameter " + e.getKey(), secrets, values);
            params.put(e.getKey(), String.valueOf(v));
        }
        return new Redaction(skill.withNodes(nodes).withParameters(params), secrets, values);
    }

    /** True when the text is (or contains) a placeholder this class writes. */
    public static boolean isPlaceholder(String text) {
        return text != null && PLACEHOLDER.matcher(text).find();
    }

    /** Environment variable name for a node setting: {@code SD_SECRET_<NODE>_<KEY>}, upper snake case. */
    public static String envVar(String nodeId, String key) {
        String node = nodeId.isEmpty() ? "PARAM" : snake(nodeId);
        return PREFIX + node + "_" + snake(key);
    }

    /**
     * The node setting a value belongs to, which answers whether it or one of its entries is secret
     * ({@link Secrecy}: catalog flag, the user's tick, then names and values); null for skill parameters (by name).
     */
    private record Owner(SettingSpec spec, SkillNode node, String key) {
        /** TRUE/FALSE when decided (flag or tick), null when the value's own look decides. */
        Boolean whole() {
            return Secrecy.setting(spec, node, key) ? Boolean.TRUE : node.secretMark(key).orElse(null);
        }

        boolean entry(String name, String value) {
            return Secrecy.entry(spec, node, key, name, value);
        }
    }

    private Object redactValue(Object value, Owner owner, String nodeId, String key, String what,
                               List<SecretRef> out, Set<String> values) {
        Boolean secret = owner == null ? (SecretNames.looksSecret(key) ? Boolean.TRUE : null) : owner.whole();
        if (value instanceof String s) {
            return redactText(s, secret, owner, nodeId, key, what, out, values);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, String> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String entry = String.valueOf(e.getKey());
                String v = String.valueOf(e.getValue());
                Boolean secretEntry = owner != null ? Boolean.valueOf(owner.entry(entry, v))
                        : Boolean.TRUE.equals(secret) || SecretNames.looksSecret(entry) ? Boolean.TRUE : null;
                copy.put(entry, redactText(v, secretEntry, null, nodeId, key + "_" + entry,
                        what + " entry " + entry, out, values));
            }
            return copy;
        }
        if (value instanceof List<?> l && l.stream().allMatch(v -> v instanceof String)) {
            List<String> copy = new ArrayList<>();
            for (int i = 0; i < l.size(); i++) {
                copy.add(redactText((String) l.get(i), secret, null, nodeId, key + "_" + i, what + " item " + i, out,
                        values));
            }
            return copy;
        }
        return value;
    }

    /**
     * @param secret TRUE: a placeholder; FALSE: not secret (only URL credentials are still cut); null: secret when
     *               the text holds a credential
     */
    private static String redactText(String s, Boolean secret, Owner owner, String nodeId, String key, String what,
                                     List<SecretRef> out, Set<String> values) {
        if (s.isBlank() || ParamRef.isParamRef(s)) {
            return s;
        }
        JsonObject json = Boolean.TRUE.equals(secret) ? null : jsonObject(s);
        if (json != null) {
            // Redact inside the JSON (e.g. container create options' "Env"), so it stays valid JSON.
            redactJson(json, owner, nodeId, key, what, out, values);
            return json.toString();
        }
        if (isPlaceholder(s)) {
            return s;
        }
        String env = envVar(nodeId, key);
        if (Boolean.TRUE.equals(secret) || secret == null && SecretNames.looksLikeCredential(s)) {
            String placeholder = "${" + env + "}";
            out.add(new SecretRef(env, placeholder, nodeId, key, what));
            values.add(s);
            return placeholder;
        }
        Matcher m = USERINFO.matcher(s);
        if (m.find()) {
            String userEnv = env + "_USERINFO";
            String placeholder = "$" + userEnv;
            out.add(new SecretRef(userEnv, placeholder, nodeId, key, what + ": the 'user:password' part of the URL"));
            values.add(m.group(2));
            int colon = m.group(2).indexOf(':');
            if (colon >= 0 && colon + 1 < m.group(2).length()) {
                values.add(m.group(2).substring(colon + 1));
            }
            return s.substring(0, m.start()) + m.group(1) + placeholder + "@" + s.substring(m.end());
        }
        return s;
    }

    private static JsonObject jsonObject(String s) {
        String t = s.trim();
        if (!t.startsWith("{")) {
            return null;
        }
        try {
            JsonElement e = JsonParser.parseString(t);
            return e.isJsonObject() ? e.getAsJsonObject() : null;
        } catch (JsonParseException e) {
            return null; // not JSON after all: treated as text (validation reports invalid JSON settings)
        }
    }

    /**
     * Walks a JSON object: {@code "NAME=value"} strings in arrays (Docker's {@code Env}) are secret by NAME, other
     * strings by their member's name; any string may also hold a credential (connection string, URL user info).
     */
    private static void redactJson(JsonObject o, Owner owner, String nodeId, String key, String what,
                                   List<SecretRef> out, Set<String> values) {
        for (Map.Entry<String, JsonElement> m : o.entrySet()) {
            JsonElement v = m.getValue();
            String path = key + "_" + m.getKey();
            if (v.isJsonObject()) {
                redactJson(v.getAsJsonObject(), owner, nodeId, path, what, out, values);
            } else if (v.isJsonArray()) {
                JsonArray a = v.getAsJsonArray();
                for (int i = 0; i < a.size(); i++) {
                    JsonElement item = a.get(i);
                    if (item.isJsonObject()) {
                        redactJson(item.getAsJsonObject(), owner, nodeId, path + "_" + i, what, out, values);
                    } else if (item.isJsonPrimitive() && item.getAsJsonPrimitive().isString()) {
                        a.set(i, new JsonPrimitive(redactEnvEntry(item.getAsString(), owner, nodeId, path, what,
                                out, values)));
                    }
                }
            } else if (v.isJsonPrimitive() && v.getAsJsonPrimitive().isString()) {
                m.setValue(new JsonPrimitive(redactText(v.getAsString(), SecretNames.looksSecret(m.getKey()) ? true
                        : null, null, nodeId, path, what + " field " + m.getKey(), out, values)));
            }
        }
    }

    private static String redactEnvEntry(String item, Owner owner, String nodeId, String path, String what,
                                         List<SecretRef> out, Set<String> values) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            return redactText(item, null, null, nodeId, path, what, out, values);
        }
        String name = item.substring(0, eq);
        String value = item.substring(eq + 1);
        // An Env entry's tick is kept as the setting's key/NAME, like a key/value entry's.
        boolean secret = owner == null ? SecretNames.looksSecret(name) || SecretNames.looksLikeCredential(value)
                : owner.entry(name, value);
        return name + "=" + redactText(value, secret, null, nodeId, path + "_" + name,
                what + " entry " + name, out, values);
    }

    private static String snake(String text) {
        String s = text.replaceAll("([a-z0-9])([A-Z])", "$1_$2");
        return s.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_+|_+$", "").toUpperCase(Locale.ROOT);
    }
}
