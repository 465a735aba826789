package io.skilldesigner.core.secrets;

import java.io.IOException;
import java.util.Optional;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.SecretEnvironment;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Moves the values of secret settings into a {@link SecretStore} on save and back on load: the skill file holds
 * {@code secret-ref:<skill>/<node>/<setting>} in their place. Values that are already references, parameter
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

    /** The skill as the app and the engine use it: references replaced by the stored values. */
    public Skill resolve(Skill skill) throws IOException {
        Skill out = skill;
        for (SkillNode node : skill.nodes()) {
            for (var e : node.settings().entrySet()) {
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
