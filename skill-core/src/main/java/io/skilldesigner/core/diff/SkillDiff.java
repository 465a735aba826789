package io.skilldesigner.core.diff;

import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The structured difference between two versions of a skill. Layout-only changes (node positions) are kept apart
 * from the rest: they do not change what the skill does and are hidden unless asked for.
 *
 * @param changes what changes the skill's behaviour or description, in a stable order (skill, basics, tags,
 *                parameters, nodes, settings, models, edges)
 * @param layout  node positions that moved
 */
public record SkillDiff(List<SkillChange> changes, List<SkillChange> layout) {
    public SkillDiff {
        changes = List.copyOf(changes);
        layout = List.copyOf(layout);
    }

    /** True when nothing but (possibly) the layout differs. */
    public boolean isEqual() {
        return changes.isEmpty();
    }

    /** One line per change; layout lines only when {@code withLayout}, else a count of them. */
    public String toText(boolean withLayout) {
        StringBuilder b = new StringBuilder();
        changes.forEach(c -> b.append(c.describe()).append('\n'));
        if (withLayout) {
            layout.forEach(c -> b.append(c.describe()).append('\n'));
        } else if (!layout.isEmpty()) {
            b.append("(").append(layout.size()).append(" layout-only change")
                    .append(layout.size() == 1 ? "" : "s").append(" hidden; --layout shows them)\n");
        }
        if (changes.isEmpty() && (layout.isEmpty() || !withLayout)) {
            b.append("no differences\n");
        }
        return b.toString();
    }

    /** {@code {"equal":..,"changes":[..],"layoutChanges":n,"layout":[..] (only withLayout)}}. */
    public String toJson(boolean withLayout) {
        JsonObject root = new JsonObject();
        root.addProperty("equal", isEqual());
        root.add("changes", array(changes));
        root.addProperty("layoutChanges", layout.size());
        if (withLayout) {
            root.add("layout", array(layout));
        }
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root);
    }

    private static JsonArray array(List<SkillChange> list) {
        JsonArray a = new JsonArray();
        for (SkillChange c : list) {
            JsonObject o = new JsonObject();
            o.addProperty("kind", c.kind().name());
            o.addProperty("node", c.nodeId());
            o.addProperty("key", c.key());
            o.addProperty("label", c.label());
            o.addProperty("old", c.oldValue());
            o.addProperty("new", c.newValue());
            o.addProperty("unit", c.unit());
            o.addProperty("text", c.describe());
            a.add(o);
        }
        return a;
    }
}
