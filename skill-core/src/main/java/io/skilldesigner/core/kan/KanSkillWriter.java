package io.skilldesigner.core.kan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.kan.KanOmission.Kind;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.SecretNames;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/**
 * Our skill → a KAN skill document (shared/spec/kan-skill-format.md), in the shape KAN writes. Every node
 * whose type has a KAN mapping is exported through that mapping (this class knows no node type); what KAN
 * cannot carry — nodes without a KAN equivalent, their edges, settings KAN has no key for — is reported in
 * {@link KanExport#omissions()}.
 * <p>
 * A setting "carries over" when reading the written configuration back gives the same value; so a webcam or
 * file camera (KAN has RTSP only), a secret, or a non-default setting KAN lacks is reported, without the
 * value of a secret.
 */
public final class KanSkillWriter {
    /** Kubernetes object name (DNS-1123 subdomain), as KAN stores skills as Kubernetes objects. */
    private static final Pattern K8S_NAME = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern LABEL_PART = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?");
    private static final Pattern LABEL_PREFIX = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final NodeCatalog catalog;
    private final ModelLibrary models;

    /**
     * @param models the user's model library: a model node's task follows from its model, so with the library
     *               at hand a classifier is not reported as losing its task
     */
    public KanSkillWriter(NodeCatalog catalog, ModelLibrary models) {
        this.catalog = catalog;
        this.models = models;
    }

    public KanSkillWriter(NodeCatalog catalog) {
        this(catalog, ModelLibrary.empty());
    }

    public KanExport write(Skill skill) {
        List<KanOmission> omissions = new ArrayList<>();
        Map<String, String> properties = new LinkedHashMap<>();
        if (!skill.description().isEmpty()) {
            properties.put(KanFormat.DESCRIPTION_PROPERTY, skill.description());
        }

        List<Map<String, Object>> nodes = new ArrayList<>();
        Set<String> written = new HashSet<>();
        for (SkillNode node : skill.nodes()) {
            Optional<NodeType> type = catalog.find(node.typeId());
            if (type.isEmpty()) {
                omissions.add(new KanOmission(Kind.NODE, node.id(), node.typeId(), "",
                        "Node '" + node.id() + "' has the unknown type '" + node.typeId() + "'; not exported"));
                continue;
            }
            Optional<KanMapping> mapping = type.get().kan();
            if (mapping.isEmpty()) {
                omissions.add(new KanOmission(Kind.NODE, node.id(), node.typeId(), "",
                        type.get().displayName() + " '" + node.id() + "' has no KAN equivalent; not exported"));
                continue;
            }
            Map<String, Object> kanNode;
            try {
                kanNode = kanNode(withoutMarkedSecrets(node, type.get(), omissions), type.get(), mapping.get(),
                        omissions);
            } catch (IllegalArgumentException e) {
                // An invalid setting value (validation reports it too): leave the node out rather than write junk.
                omissions.add(new KanOmission(Kind.NODE, node.id(), node.typeId(), "", type.get().displayName()
                        + " '" + node.id() + "' has a setting KAN cannot take (" + e.getMessage() + "); not exported"));
                continue;
            }
            nodes.add(kanNode);
            written.add(node.id());
            if (!node.displayName().equals(type.get().displayName())) {
                properties.put(KanFormat.displayNameProperty(node.id()), node.displayName());
            }
        }

        List<Map<String, Object>> edges = new ArrayList<>();
        for (SkillEdge edge : skill.edges()) {
            String from = edge.from().node();
            String to = edge.to().node();
            if (!written.contains(from) || !written.contains(to)) {
                String missing = written.contains(from) ? to : from;
                omissions.add(new KanOmission(Kind.EDGE, from, typeOf(skill, from), edge.from() + " -> " + edge.to(),
                        "Edge " + edge.from() + " -> " + edge.to() + " runs through node '" + missing
                                + "', which is not exported; the KAN skill lacks this connection"));
                continue;
            }
            edges.add(kanEdge(from, to));
        }

        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("name", metadataName(skill.id(), omissions));
        metadata.put("labels", labels(skill.tags(), omissions));

        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("displayName", skill.name());
        spec.put("nodes", nodes);
        spec.put("edges", edges);
        spec.put("parameters", parameters(skill, omissions));
        spec.put("properties", properties);

        Map<String, Object> document = new LinkedHashMap<>();
        document.put("apiVersion", KanFormat.API_VERSION);
        document.put("kind", KanFormat.KIND);
        document.put("metadata", metadata);
        document.put("spec", spec);
        return new KanExport(document, omissions);
    }

    /**
     * The node without what the user ticked secret (whole settings) nor secret key/value or Env entries (written
     * empty), each said once without its value; catalog secrets have no KAN equivalent and are reported as such.
     */
    private static SkillNode withoutMarkedSecrets(SkillNode node, NodeType type, List<KanOmission> omissions) {
        SkillNode out = node;
        for (Map.Entry<String, Object> e : node.settings().entrySet()) {
            String key = e.getKey();
            SettingSpec spec = type.setting(key).orElse(null);
            String label = spec == null ? key : spec.label();
            if (!(spec != null && spec.isSecret()) && Secrecy.setting(spec, node, key)) {
                out = out.withSetting(key, null);
                omissions.add(new KanOmission(Kind.SETTING, node.id(), type.id(), key, type.displayName() + " '"
                        + node.id() + "': '" + label + "' is marked secret; not written, set it in KAN"));
            } else if (e.getValue() instanceof Map<?, ?> m) {
                Map<String, Object> cleaned = new LinkedHashMap<>();
                m.forEach((k, v) -> {
                    boolean secret = Secrecy.entry(spec, node, key, String.valueOf(k), String.valueOf(v));
                    cleaned.put(String.valueOf(k), secret ? "" : v);
                    if (secret && !String.valueOf(v).isEmpty()) {
                        omissions.add(new KanOmission(Kind.SETTING, node.id(), type.id(), key, type.displayName()
                                + " '" + node.id() + "': '" + label + "' entry " + k
                                + " holds a secret; written empty, set it in KAN"));
                    }
                });
                out = out.withSetting(key, cleaned);
            } else if (e.getValue() instanceof String json) {
                // container create options: a secret Env entry is written as NAME= (the JSON stays valid)
                String cleaned = Secrecy.withSecretEnvEntriesEmpty(spec, node, key, json, name -> omissions.add(
                        new KanOmission(Kind.SETTING, node.id(), type.id(), key, type.displayName() + " '"
                                + node.id() + "': '" + label + "' Env entry " + name
                                + " holds a secret; written empty, set it in KAN")));
                if (!cleaned.equals(json)) {
                    out = out.withSetting(key, cleaned);
                }
            }
        }
        return out;
    }

    private Map<String, Object> kanNode(SkillNode node, NodeType type, KanMapping mapping,
                                        List<KanOmission> omissions) {
        String name = mapping.kanName(node);
        Map<String, String> configurations = new LinkedHashMap<>(mapping.toKan(node));
        Map<String, Object> kan = new LinkedHashMap<>();
        kan.put("id", node.id());
        kan.put("type", mapping.kanType());
        kan.put("name", name);
        kan.put("configurations", configurations);
        reportLostSettings(node, type, mapping, name, configurations, omissions);
        return kan;
    }

    /** Reads the written node back and reports every enabled setting that comes back different. */
    private void reportLostSettings(SkillNode node, NodeType type, KanMapping mapping, String name,
                                    Map<String, String> configurations, List<KanOmission> omissions) {
        Map<String, Object> ours = KanNodeSettings.effective(type, node.settings());
        Map<String, Object> back;
        try {
            back = KanNodeSettings.read(type, mapping, name, configurations, models);
        } catch (IllegalArgumentException e) {
            omissions.add(new KanOmission(Kind.SETTING, node.id(), type.id(), "", type.displayName() + " '"
                    + node.id() + "' is written in a form KAN may not read back: " + e.getMessage()));
            return;
        }
        Set<String> keys = new LinkedHashSet<>();
        type.settings().forEach(s -> keys.add(s.key()));
        keys.addAll(ours.keySet());
        for (String key : keys) {
            SettingSpec spec = type.setting(key).orElse(null);
            if (spec != null && !spec.isEnabled(ours)) {
                continue;
            }
            Object mine = ours.get(key);
            Object theirs = back.get(key);
            if (KanNodeSettings.same(mine, theirs)) {
                continue;
            }
            String label = spec == null ? key : spec.label();
            String reason;
            if (spec == null) {
                reason = "setting '" + key + "' is not one of " + type.displayName() + "'s; not exported";
            } else if (theirs == null) {
                reason = "'" + label + "' " + KanNodeSettings.shown(spec, mine) + " has no KAN equivalent; not exported";
            } else {
                reason = "'" + label + "' " + KanNodeSettings.shown(spec, mine)
                        + " does not carry over to KAN, which reads it as " + KanNodeSettings.shown(spec, theirs);
            }
            omissions.add(new KanOmission(Kind.SETTING, node.id(), type.id(), key,
                    type.displayName() + " '" + node.id() + "': " + reason));
        }
    }

    private static Map<String, Object> kanEdge(String from, String to) {
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("node", from);
        source.put("route", KanFormat.ROUTE);
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("node", to);
        target.put("route", KanFormat.ROUTE);
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("source", source);
        edge.put("target", target);
        return edge;
    }

    private static String typeOf(Skill skill, String nodeId) {
        return skill.node(nodeId).map(SkillNode::typeId).orElse("");
    }

    private static String metadataName(String skillId, List<KanOmission> omissions) {
        String name = KanFormat.NAME_PREFIX + skillId;
        if (K8S_NAME.matcher(name).matches()) {
            return name;
        }
        String cleaned = name.toLowerCase(Locale.ROOT).replaceAll("[^-a-z0-9.]+", "-").replaceAll("-+$", "");
        if (cleaned.length() > 253) {
            cleaned = cleaned.substring(0, 253).replaceAll("[-.]+$", "");
        }
        omissions.add(new KanOmission(Kind.SKILL, "", "", "metadata.name", "Skill id '" + skillId
                + "' is not a valid Kubernetes name; written as '" + cleaned + "'"));
        return cleaned;
    }

    private static Map<String, String> labels(List<Tag> tags, List<KanOmission> omissions) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Tag tag : tags) {
            if (!isLabelKey(tag.name()) || tag.value().length() > 63 || !LABEL_PART.matcher(tag.value()).matches()) {
                omissions.add(new KanOmission(Kind.SKILL, "", "", "tag " + tag.name(), "Tag '" + tag.name() + "' = '"
                        + tag.value() + "' is not a valid Kubernetes label (letters, digits, '-', '_', '.', at most"
                        + " 63 characters); not exported"));
                continue;
            }
            if (labels.put(tag.name(), tag.value()) != null) {
                omissions.add(new KanOmission(Kind.SKILL, "", "", "tag " + tag.name(), "Tag '" + tag.name()
                        + "' appears more than once; KAN keeps one value per label, the last one"));
            }
        }
        return labels;
    }

    private static boolean isLabelKey(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        return !name.isEmpty() && name.length() <= 63 && LABEL_PART.matcher(name).matches()
                && (prefix == null || LABEL_PREFIX.matcher(prefix).matches());
    }

    /** KAN files are shared: a secret parameter is left empty and URL credentials are cut, each said once. */
    private static String withoutSecrets(String name, String value, List<KanOmission> omissions) {
        if (value == null || value.isBlank()) {
            return value;
        }
        if (SecretNames.looksSecret(name) || SecretNames.looksLikeCredential(value)) {
            omissions.add(new KanOmission(Kind.SKILL, "", "", "parameter " + name, "Parameter '" + name
                    + "' holds a secret; written empty, set it in KAN"));
            return "";
        }
        if (SecretNames.hasUserInfo(value)) {
            omissions.add(new KanOmission(Kind.SKILL, "", "", "parameter " + name, "Parameter '" + name
                    + "': the user:password part of its URL is not written; set it in KAN"));
            return SecretNames.withoutUserInfo(value);
        }
        return value;
    }

    private static Map<String, String> parameters(Skill skill, List<KanOmission> omissions) {
        Map<String, String> out = new LinkedHashMap<>();
        skill.parameters().forEach((k, v) -> {
            if (k.equals(KanFormat.FPS_PARAMETER) || k.equals(KanFormat.ACCELERATION_PARAMETER)) {
                omissions.add(new KanOmission(Kind.SKILL, "", "", "parameter " + k, "Parameter '" + k
                        + "' is where KAN keeps the skill's basics; the basics are written there instead"));
                return;
            }
            out.put(k, withoutSecrets(k, v, omissions));
        });
        KanFormat.DEFAULT_PARAMETERS.forEach(p -> out.putIfAbsent(p, KanFormat.UNSET));
        out.put(KanFormat.FPS_PARAMETER, Integer.toString(skill.basics().desiredFps()));
        out.put(KanFormat.ACCELERATION_PARAMETER, skill.basics().acceleration().kanValue());
        return out;
    }
}
