package io.skilldesigner.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.google.gson.JsonObject;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;

/**
 * Compares two versions of a skill by meaning, not by text: settings are compared as their effective values (a
 * default written out equals a default left out; 0.5 equals "0.5"), a node whose id changed but whose type and
 * settings did not is one node with a new id, edges follow such renames, models are compared by the checksum of
 * their file, and node positions are layout-only changes. Secrets are never shown, only that they changed.
 */
public final class SkillDiffer {
    private static final String HIDDEN = "(hidden)";
    private static final String CHANGED_HIDDEN = "(hidden, changed)";

    private final NodeCatalog catalog;

    public SkillDiffer(NodeCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Compares without model checksums (models are then compared by id only). */
    public SkillDiff diff(Skill before, Skill after) {
        return diff(before, after, ModelChecksums.none(), ModelChecksums.none());
    }

    /**
     * @param modelsBefore checksums of the models {@code before} refers to
     * @param modelsAfter  checksums of the models {@code after} refers to
     */
    public SkillDiff diff(Skill before, Skill after, ModelChecksums modelsBefore, ModelChecksums modelsAfter) {
        List<SkillChange> changes = new ArrayList<>();
        List<SkillChange> layout = new ArrayList<>();
        skillFields(before, after, changes);
        basics(before, after, changes);
        tags(before.tags(), after.tags(), changes);
        parameters(before.parameters(), after.parameters(), changes);

        Map<String, String> idAfterOf = matchNodes(before, after);
        List<SkillChange> settingChanges = new ArrayList<>();
        for (SkillNode a : before.nodes()) {
            String bId = idAfterOf.get(a.id());
            if (bId == null) {
                changes.add(new SkillChange(SkillChange.Kind.NODE_REMOVED, a.id(), "", a.displayName(),
                        a.typeId(), "", ""));
                continue;
            }
            SkillNode b = after.node(bId).orElseThrow();
            if (!a.id().equals(b.id())) {
                changes.add(new SkillChange(SkillChange.Kind.NODE_ID_CHANGED, b.id(), "id", b.displayName(),
                        a.id(), b.id(), ""));
            }
            if (!a.displayName().equals(b.displayName())) {
                changes.add(new SkillChange(SkillChange.Kind.NODE_RENAMED, b.id(), "displayName", "",
                        a.displayName(), b.displayName(), ""));
            }
            settings(a, b, modelsBefore, modelsAfter, settingChanges);
            if (!a.position().equals(b.position())) {
                layout.add(new SkillChange(SkillChange.Kind.POSITION, b.id(), "position", b.displayName(),
                        position(a.position()), position(b.position()), ""));
            }
        }
        Set<String> matchedAfter = new LinkedHashSet<>(idAfterOf.values());
        for (SkillNode b : after.nodes()) {
            if (!matchedAfter.contains(b.id())) {
                changes.add(new SkillChange(SkillChange.Kind.NODE_ADDED, b.id(), "", b.displayName(), "",
                        b.typeId(), ""));
            }
        }
        changes.addAll(settingChanges);
        edges(before, after, idAfterOf, changes);
        return new SkillDiff(changes, layout);
    }

    private static void skillFields(Skill a, Skill b, List<SkillChange> out) {
        field("id", a.id(), b.id(), out);
        field("name", a.name(), b.name(), out);
        field("description", a.description(), b.description(), out);
    }

    private static void field(String key, String a, String b, List<SkillChange> out) {
        if (!a.equals(b)) {
            out.add(new SkillChange(SkillChange.Kind.SKILL, "", key, key, a, b, ""));
        }
    }

    private static void basics(Skill a, Skill b, List<SkillChange> out) {
        if (a.basics().desiredFps() != b.basics().desiredFps()) {
            out.add(new SkillChange(SkillChange.Kind.BASICS, "", "desiredFps", "desired frame rate",
                    String.valueOf(a.basics().desiredFps()), String.valueOf(b.basics().desiredFps()), "fps"));
        }
        if (a.basics().acceleration() != b.basics().acceleration()) {
            out.add(new SkillChange(SkillChange.Kind.BASICS, "", "acceleration", "acceleration",
                    a.basics().acceleration().name(), b.basics().acceleration().name(), ""));
        }
    }

    private static void tags(List<Tag> before, List<Tag> after, List<SkillChange> out) {
        Map<String, String> a = new LinkedHashMap<>();
        before.forEach(t -> a.put(t.name(), t.value()));
        Map<String, String> b = new LinkedHashMap<>();
        after.forEach(t -> b.put(t.name(), t.value()));
        keyed(a, b, SkillChange.Kind.TAG_ADDED, SkillChange.Kind.TAG_REMOVED, SkillChange.Kind.TAG_CHANGED, out);
    }

    private static void parameters(Map<String, String> a, Map<String, String> b, List<SkillChange> out) {
        keyed(a, b, SkillChange.Kind.PARAMETER_ADDED, SkillChange.Kind.PARAMETER_REMOVED,
                SkillChange.Kind.PARAMETER_CHANGED, out);
    }

    private static void keyed(Map<String, String> a, Map<String, String> b, SkillChange.Kind added,
                              SkillChange.Kind removed, SkillChange.Kind changed, List<SkillChange> out) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        for (String k : keys) {
            String va = a.get(k);
            String vb = b.get(k);
            if (va == null) {
                out.add(new SkillChange(added, "", k, k, "", vb, ""));
            } else if (vb == null) {
                out.add(new SkillChange(removed, "", k, k, va, "", ""));
            } else if (!va.equals(vb)) {
                out.add(new SkillChange(changed, "", k, k, va, vb, ""));
            }
        }
    }

    /**
     * Which node of {@code after} each node of {@code before} is: the same id and type, else (for what is left)
     * the same type and the same effective settings, in order. Unmatched nodes were removed or added.
     */
    private Map<String, String> matchNodes(Skill before, Skill after) {
        Map<String, String> match = new LinkedHashMap<>();
        Set<String> taken = new LinkedHashSet<>();
        for (SkillNode a : before.nodes()) {
            after.node(a.id()).filter(b -> b.typeId().equals(a.typeId())).ifPresent(b -> {
                match.put(a.id(), b.id());
                taken.add(b.id());
            });
        }
        for (SkillNode a : before.nodes()) {
            if (match.containsKey(a.id())) {
                continue;
            }
            Map<String, Object> settingsA = effective(a);
            for (SkillNode b : after.nodes()) {
                if (!taken.contains(b.id()) && b.typeId().equals(a.typeId()) && settingsA.equals(effective(b))) {
                    match.put(a.id(), b.id());
                    taken.add(b.id());
                    break;
                }
            }
        }
        return match;
    }

    private void settings(SkillNode a, SkillNode b, ModelChecksums modelsBefore, ModelChecksums modelsAfter,
                          List<SkillChange> out) {
        Optional<NodeType> type = catalog.find(b.typeId());
        Map<String, Object> va = effective(a);
        Map<String, Object> vb = effective(b);
        Set<String> keys = new LinkedHashSet<>();
        type.ifPresent(t -> t.settings().forEach(s -> keys.add(s.key())));
        keys.addAll(new TreeSet<>(va.keySet()));
        keys.addAll(new TreeSet<>(vb.keySet()));
        for (String key : keys) {
            Optional<SettingSpec> spec = type.flatMap(t -> t.setting(key));
            Object oldValue = va.get(key);
            Object newValue = vb.get(key);
            String label = spec.map(SettingSpec::label).orElse("");
            String unit = spec.map(SettingSpec::unit).orElse("");
            if (!Objects.equals(oldValue, newValue)) {
                SettingSpec sp = spec.orElse(null);
                boolean secret = Secrecy.setting(sp, a, key) || Secrecy.setting(sp, b, key)
                        || oldValue instanceof String so && Secrecy.text(sp, a, key, so)
                        || newValue instanceof String sn && Secrecy.text(sp, b, key, sn)
                        // create options with a secret Env entry: hidden whole, as the store keeps them
                        || oldValue instanceof String jo && Secrecy.holdsSecretEnvEntry(sp, a, key, jo)
                        || newValue instanceof String jn && Secrecy.holdsSecretEnvEntry(sp, b, key, jn);
                if (!secret && (oldValue instanceof Map<?, ?> || newValue instanceof Map<?, ?>)) {
                    out.add(new SkillChange(SkillChange.Kind.SETTING, b.id(), key, label,
                            entriesText(sp, a, b, key, oldValue, newValue), entriesText(sp, b, a, key, newValue, oldValue),
                            unit));
                } else {
                    out.add(new SkillChange(SkillChange.Kind.SETTING, b.id(), key, label,
                            secret && oldValue != null ? HIDDEN : text(spec, oldValue),
                            secret && newValue != null ? HIDDEN : text(spec, newValue), unit));
                }
            }
            for (String path : marksChanged(a, b, key)) {
                out.add(new SkillChange(SkillChange.Kind.SETTING, b.id(), path, label + " (secret mark)",
                        markText(a.secretMark(path)), markText(b.secretMark(path)), ""));
            }
            if (spec.map(s -> s.type() == SettingType.MODEL_REF).orElse(false)
                    && oldValue instanceof String idA && newValue instanceof String idB) {
                Optional<String> sumA = modelsBefore.sha256(idA);
                Optional<String> sumB = modelsAfter.sha256(idB);
                if (sumA.isPresent() && sumB.isPresent() && !sumA.get().equalsIgnoreCase(sumB.get())) {
                    out.add(new SkillChange(SkillChange.Kind.MODEL, b.id(), key, label, sumA.get(), sumB.get(), ""));
                }
            }
        }
    }

    /**
     * A key/value list with its secret entries (by either side's tick, name or value) shown as {@value #HIDDEN},
     * or as {@value #CHANGED_HIDDEN} where the value differs from the other side's: a change shows, a value never.
     */
    private static String entriesText(SettingSpec spec, SkillNode node, SkillNode otherNode, String key,
                                      Object value, Object other) {
        if (!(value instanceof Map<?, ?> m)) {
            return value == null ? "" : String.valueOf(value);
        }
        Map<?, ?> o = other instanceof Map<?, ?> om ? om : Map.of();
        JsonObject shown = new JsonObject();
        m.forEach((k, v) -> {
            String name = String.valueOf(k);
            boolean secret = Secrecy.entry(spec, node, key, name, String.valueOf(v))
                    || o.containsKey(k) && Secrecy.entry(spec, otherNode, key, name, String.valueOf(o.get(k)));
            shown.addProperty(name, !secret ? String.valueOf(v)
                    : Objects.equals(v, o.get(k)) ? HIDDEN : CHANGED_HIDDEN);
        });
        return shown.toString();
    }

    /** Explicit secret ticks of the setting or its entries that differ between the two nodes. */
    private static Set<String> marksChanged(SkillNode a, SkillNode b, String key) {
        Set<String> paths = new TreeSet<>();
        a.secretMarks().keySet().stream().filter(p -> p.equals(key) || p.startsWith(key + "/")).forEach(paths::add);
        b.secretMarks().keySet().stream().filter(p -> p.equals(key) || p.startsWith(key + "/")).forEach(paths::add);
        paths.removeIf(p -> Objects.equals(a.secretMark(p), b.secretMark(p)));
        return paths;
    }

    private static String markText(Optional<Boolean> mark) {
        return mark.map(m -> m ? "secret" : "not secret").orElse("(default)");
    }

    /** The node's settings as its type reads them: coerced to the setting's type, defaults filled in. */
    private Map<String, Object> effective(SkillNode node) {
        // lenient: an invalid value is still a value to compare; validation reports it elsewhere
        return catalog.find(node.typeId()).map(t -> EffectiveSettings.lenient(t, node).values())
                .orElse(node.settings());
    }

    private static String text(Optional<SettingSpec> spec, Object value) {
        if (value == null) {
            return "";
        }
        if (spec.isPresent()) {
            try {
                return spec.get().type().toText(value);
            } catch (ClassCastException e) {
                // a value the type could not coerce (kept raw above) is shown as it is
                return String.valueOf(value);
            }
        }
        return String.valueOf(value);
    }

    private static void edges(Skill before, Skill after, Map<String, String> idAfterOf, List<SkillChange> out) {
        Set<String> a = new TreeSet<>();
        for (SkillEdge e : before.edges()) {
            a.add(edge(idAfterOf.getOrDefault(e.from().node(), e.from().node()), e.from().port(),
                    idAfterOf.getOrDefault(e.to().node(), e.to().node()), e.to().port()));
        }
        Set<String> b = new TreeSet<>();
        after.edges().forEach(e -> b.add(edge(e.from().node(), e.from().port(), e.to().node(), e.to().port())));
        a.stream().filter(s -> !b.contains(s))
                .forEach(s -> out.add(new SkillChange(SkillChange.Kind.EDGE_REMOVED, "", "", "", s, "", "")));
        b.stream().filter(s -> !a.contains(s))
                .forEach(s -> out.add(new SkillChange(SkillChange.Kind.EDGE_ADDED, "", "", "", "", s, "")));
    }

    private static String edge(String fromNode, String fromPort, String toNode, String toPort) {
        return fromNode + "." + fromPort + " -> " + toNode + "." + toPort;
    }

    private static String position(Position p) {
        return "(" + SettingType.DECIMAL.toText(p.x()) + ", " + SettingType.DECIMAL.toText(p.y()) + ")";
    }
}
