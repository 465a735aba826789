package io.skilldesigner.core.secrets;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.SecretEnvironment;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Moves the values of secret settings into a {@link SecretStore} on save and back on load: the skill file holds
 * {@code secret-ref:<skill>/<node>/<setting>} in their place; likewise key/value entries (env lists)
 * ({@code .../<setting>/<entry>}). What is secret is {@link Secrecy}'s answer (catalog flag, the user's tick, then
 * names and credential-like values). Values that are already references, parameter references or package
 * placeholders stay as they are.
 */
public final class SecretRefs {
    public static final String PREFIX = "secret-ref:";

    private final NodeCatalog catalog;
    private final SecretStore store;
    private final String scope;

    public SecretRefs(NodeCatalog catalog, SecretStore store) {
        this(catalog, store, "");
    }

    /**
     * @param scope put before every key, so that another copy of a skill (its autosaved draft) keeps its own
     *              values; must not be a possible skill id (e.g. start with a dot)
     */
    public SecretRefs(NodeCatalog catalog, SecretStore store, String scope) {
        this.catalog = catalog;
        this.store = store;
        this.scope = scope;
    }

    public static boolean isRef(Object value) {
        return value instanceof String s && s.startsWith(PREFIX);
    }

    /** The skill as written to its file: secret values stored, references in their place. */
    public Skill stash(Skill skill) throws IOException {
        return stash(skill, true);
    }

    /** Whether the skill holds a secret value in plain text that {@link #stash} would move to the store. */
    public boolean holdsPlainSecrets(Skill skill) throws IOException {
        return !stash(skill, false).equals(skill);
    }

    /** @param write whether values go to the store (else only the references are made, to compare) */
    private Skill stash(Skill skill, boolean write) throws IOException {
        Skill out = skill;
        for (SkillNode node : skill.nodes()) {
            Optional<NodeType> type = catalog.find(node.typeId());
            if (type.isEmpty()) {
                continue;
            }
            for (SettingSpec spec : type.get().settings()) {
                Object v = node.settings().get(spec.key());
                if (v instanceof Map<?, ?> entries) {
                    Map<String, Object> stashed = stashEntries(skill.id(), node, spec, entries, write);
                    if (!stashed.equals(entries)) {
                        out = out.updateNode(node.id(), n -> n.withSetting(spec.key(), stashed));
                    }
                    continue;
                }
                if (!(v instanceof String s) || !storable(s) || !(Secrecy.text(spec, node, spec.key(), s)
                        || Secrecy.holdsSecretEnvEntry(spec, node, spec.key(), s))) {
                    continue;
                }
                String ref = ref(skill.id(), node.id(), spec.key(), null);
                if (write) {
                    store.put(ref, s);
                }
                out = out.updateNode(node.id(), n -> n.withSetting(spec.key(), PREFIX + ref));
            }
        }
        return out;
    }

    private static boolean storable(String s) {
        return !s.isEmpty() && !isRef(s) && !ParamRef.isParamRef(s) && !SecretEnvironment.hasPlaceholder(s);
    }

    /** The store's key: {@code [scope]<skill>/<node>/<setting>[/<entry>]}. */
    private String ref(String skillId, String nodeId, String key, String entry) {
        return scope + skillId + "/" + nodeId + "/" + Secrecy.path(key, entry);
    }

    /** Key/value entries (env lists) that are secret by the catalog, the user's tick or their name/value. */
    private Map<String, Object> stashEntries(String skillId, SkillNode node, SettingSpec spec, Map<?, ?> entries,
                                             boolean write) throws IOException {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : entries.entrySet()) {
            String name = String.valueOf(e.getKey());
            Object v = e.getValue();
            if (v instanceof String s && storable(s) && Secrecy.entry(spec, node, spec.key(), name, s)) {
                String ref = ref(skillId, node.id(), spec.key(), name);
                if (write) {
                    store.put(ref, s);
                }
                out.put(name, PREFIX + ref);
            } else {
                out.put(name, v);
            }
        }
        return out;
    }

    /** The values {@link #stash} moved to the store: those of {@code plain} that are references in {@code stashed}. */
    public static Set<String> stashedValues(Skill plain, Skill stashed) {
        Set<String> out = new LinkedHashSet<>();
        for (SkillNode node : plain.nodes()) {
            Map<String, Object> after = stashed.node(node.id()).map(SkillNode::settings).orElse(Map.of());
            node.settings().forEach((key, v) -> {
                Object w = after.get(key);
                if (v instanceof String s && isRef(w) && !isRef(s)) {
                    out.add(s);
                } else if (v instanceof Map<?, ?> entries && w instanceof Map<?, ?> refs) {
                    entries.forEach((name, x) -> {
                        if (x instanceof String s && isRef(refs.get(name)) && !isRef(s)) {
                            out.add(s);
                        }
                    });
                }
            });
        }
        return out;
    }

    /** Every plain text value of a skill's settings and of their key/value entries. */
    public static Set<String> plainValues(Skill skill) {
        Set<String> out = new LinkedHashSet<>();
        for (SkillNode node : skill.nodes()) {
            for (Object v : node.settings().values()) {
                if (v instanceof String s && !isRef(s)) {
                    out.add(s);
                } else if (v instanceof Map<?, ?> m) {
                    m.values().stream().filter(x -> x instanceof String s && !isRef(s))
                            .forEach(x -> out.add((String) x));
                }
            }
        }
        return out;
    }

    /** The store keys a (stashed) skill refers to. */
    public static Set<String> refsIn(Skill skill) {
        Set<String> out = new LinkedHashSet<>();
        for (SkillNode node : skill.nodes()) {
            for (Object v : node.settings().values()) {
                if (isRef(v)) {
                    out.add(((String) v).substring(PREFIX.length()));
                } else if (v instanceof Map<?, ?> m) {
                    m.values().stream().filter(SecretRefs::isRef)
                            .forEach(x -> out.add(((String) x).substring(PREFIX.length())));
                }
            }
        }
        return out;
    }

    /** Deletes these store entries (those of a deleted skill or draft, or no longer referred to). */
    public void forget(Set<String> refs) throws IOException {
        for (String ref : refs) {
            store.delete(ref);
        }
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
