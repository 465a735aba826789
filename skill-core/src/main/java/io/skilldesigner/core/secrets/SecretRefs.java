package io.skilldesigner.core.secrets;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.SecretEnvironment;
import io.skilldesigner.core.skill.SecretNames;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Moves the values of secret settings into a {@link SecretStore} on save and back on load: the skill file holds
 * {@code secret-ref:<skill>/<node>/<setting>} in their place; likewise key/value entries (env lists) named like a
 * secret or holding a credential ({@code .../<setting>/<entry>}). Values that are already references, parameter
 * references or package placeholders stay as they are.
 */
public final class SecretRefs {
    public static final String PREFIX = "secret-ref:";

    private final NodeCatalog catalog;
    private final SecretStore store;

    public SecretRefs(NodeCatalog catalog, SecretStore store) {
        this.catalog = catalog;
        this.store = store;
    }

    public static boolean isRef(Object value) {
        return value instanceof String s && s.startsWith(PREFIX);
    }

    /** The skill as written to its file: secret values stored, references in their place. */
    public Skill stash(Skill skill) throws IOException {
        Skill out = skill;
        for (SkillNode node : skill.nodes()) {
            Optional<NodeType> type = catalog.find(node.typeId());
            if (type.isEmpty()) {
                continue;
            }
            for (SettingSpec spec : type.get().settings()) {
                Object v = node.settings().get(spec.key());
                if (v instanceof Map<?, ?> entries) {
                    Map<String, Object> stashed = stashEntries(skill.id(), node.id(), spec, entries);
                    if (!stashed.equals(entries)) {
                        out = out.updateNode(node.id(), n -> n.withSetting(spec.key(), stashed));
                    }
                    continue;
                }
                if (!spec.isSecret() || !(v instanceof String s) || s.isEmpty() || isRef(s) || ParamRef.isParamRef(s)
                        || SecretEnvironment.hasPlaceholder(s)) {
                    continue;
                }
                String ref = PREFIX + skill.id() + "/" + node.id() + "/" + spec.key();
                store.put(ref.substring(PREFIX.length()), s);
                out = out.updateNode(node.id(), n -> n.withSetting(spec.key(), ref));
            }
        }
        return out;
    }

    /** Key/value entries (env lists) whose name looks secret ({@link SecretNames}) or that hold a credential. */
    private Map<String, Object> stashEntries(String skillId, String nodeId, SettingSpec spec, Map<?, ?> entries)
            throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof String s && !s.isEmpty() && !isRef(s) && !ParamRef.isParamRef(s)
                    && !SecretEnvironment.hasPlaceholder(s)
                    && (spec.isSecret() || SecretNames.looksSecret(name) || SecretNames.looksLikeCredential(s))) {
                String ref = skillId + "/" + nodeId + "/" + spec.key() + "/" + name;
                store.put(ref, s);
                out.put(name, PREFIX + ref);
            } else {
                out.put(name, v);
            }
        }
        return out;
    }

    /** The skill as the app and the engine use it: references replaced by the stored values. */
    public Skill resolve(Skill skill) throws IOException {
        Skill out = skill;
        for (SkillNode node : skill.nodes()) {
            for (var e : node.settings().entrySet()) {
                if (e.getValue() instanceof Map<?, ?> entries && entries.values().stream().anyMatch(SecretRefs::isRef)) {
                    Map<String, Object> resolved = new LinkedHashMap<>();
                    for (Map.Entry<?, ?> en : entries.entrySet()) {
                        resolved.put(String.valueOf(en.getKey()), isRef(en.getValue())
                                ? store.get(((String) en.getValue()).substring(PREFIX.length())).orElse("")
                                : en.getValue());
                    }
                    out = out.updateNode(node.id(), n -> n.withSetting(e.getKey(), resolved));
                    continue;
                }
                if (isRef(e.getValue())) {
                    String ref = ((String) e.getValue()).substring(PREFIX.length());
                    // Missing (workspace moved to another user or machine): empty, so validation asks for it
                    // again, rather than a skill that cannot be opened at all.
                    String value = store.get(ref).orElse("");
                    out = out.updateNode(node.id(), n -> n.withSetting(e.getKey(), value));
                }
            }
        }
        return out;
    }
}
