package io.skilldesigner.core.io;

import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.Skill;

/**
 * Upgrades a {@code .skill.json} document, as JSON, from the version it was written in to
 * {@link Skill#CURRENT_FORMAT_VERSION}, one step N → N+1 at a time, before it is bound to {@link Skill}.
 * A step changes the document in place where it can, so moved values keep their line numbers for errors.
 */
public final class SkillMigrations {
    /** One step: a document of version {@link #from()} becomes version {@code from() + 1}. */
    public interface Migration {
        int from();

        /**
         * @throws IllegalArgumentException when the document cannot be upgraded (say why)
         */
        JsonObject apply(JsonObject document);
    }

    private final int current;
    private final List<Migration> steps;

    /**
     * @param steps one step per version from 0 to {@code current - 1}, in order
     */
    public SkillMigrations(int current, List<Migration> steps) {
        if (steps.size() != current) {
            throw new IllegalArgumentException("need " + current + " migration steps, got " + steps.size());
        }
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).from() != i) {
                throw new IllegalArgumentException("migration step " + i + " starts at version " + steps.get(i).from());
            }
        }
        this.current = current;
        this.steps = List.copyOf(steps);
    }

    public static SkillMigrations standard() {
        return new SkillMigrations(Skill.CURRENT_FORMAT_VERSION, List.of(new V0ToV1(), new V1ToV2()));
    }

    public int current() {
        return current;
    }

    /** The steps, step i upgrading version i. */
    public List<Migration> steps() {
        return steps;
    }

    /** The document upgraded from {@code version} to {@link #current()}. */
    public JsonObject migrate(JsonObject document, int version) {
        if (version < 0 || version > current) {
            throw new IllegalArgumentException("format version " + version + " cannot be migrated");
        }
        JsonObject doc = document;
        for (int v = version; v < current; v++) {
            doc = steps.get(v).apply(doc);
            doc.addProperty("formatVersion", v + 1);
        }
        return doc;
    }

    /**
     * Version 0 (before {@code formatVersion} existed; a file without it is version 0) kept {@code fps} and
     * {@code acceleration} at the top level, and edges as {@code {"source": "cam", "target": "model"}}: node ids
     * only, every port the frame port {@code f}. A side may also be {@code {"node": id, "route": port}} as in KAN.
     * Version 1 has {@code basics {desiredFps, acceleration}} and edges {@code {from {node, port}, to {...}}}.
     */
    static final class V0ToV1 implements Migration {
        @Override
        public int from() {
            return 0;
        }

        @Override
        public JsonObject apply(JsonObject doc) {
            JsonObject basics = doc.has("basics") && doc.get("basics").isJsonObject()
                    ? doc.getAsJsonObject("basics") : new JsonObject();
            JsonElement fps = doc.remove("fps");
            if (fps != null) {
                basics.add("desiredFps", fps);
            }
            JsonElement acceleration = doc.remove("acceleration");
            if (acceleration != null) {
                basics.add("acceleration", acceleration);
            }
            if (basics.size() > 0) {
                doc.add("basics", basics);
            }
            if (doc.has("edges") && doc.get("edges").isJsonArray()) {
                for (JsonElement e : doc.getAsJsonArray("edges")) {
                    if (e.isJsonObject()) {
                        JsonObject edge = e.getAsJsonObject();
                        moveSide(edge, "source", "from");
                        moveSide(edge, "target", "to");
                    }
                }
            }
            return doc;
        }

        /** {@code "cam"} or {@code {node, route}} under the old name → {@code {node, port}} under the new one. */
        private static void moveSide(JsonObject edge, String oldName, String newName) {
            JsonElement side = edge.remove(oldName);
            if (side == null) {
                return; // the binder reports the missing side with the edge's location
            }
            if (side.isJsonPrimitive()) {
                JsonObject ref = new JsonObject();
                ref.add("node", side);
                ref.add("port", new JsonPrimitive(PortSpec.FRAME_PORT));
                edge.add(newName, ref);
            } else if (side.isJsonObject()) {
                JsonObject ref = side.getAsJsonObject();
                JsonElement route = ref.remove("route");
                if (!ref.has("port")) {
                    ref.add("port", route != null ? route : new JsonPrimitive(PortSpec.FRAME_PORT));
                }
                edge.add(newName, ref);
            } else {
                edge.add(newName, side); // wrong shape: left for the binder to report
            }
        }
    }

    /**
     * Version 2 made a line's "in" side explicit (line-crossing setting {@code inSide}, drawn as an arrow) and
     * made its default the left of A→B, as Roboflow supervision. Version 1 always meant the right of A→B, so a
     * version-1 line-crossing node without {@code inSide} gets {@code "right"}: its counts do not change. The
     * strings are written out here, not taken from the catalog, because this step must stay what version 2 was.
     */
    static final class V1ToV2 implements Migration {
        @Override
        public int from() {
            return 1;
        }

        @Override
        public JsonObject apply(JsonObject doc) {
            if (doc.has("nodes") && doc.get("nodes").isJsonArray()) {
                for (JsonElement n : doc.getAsJsonArray("nodes")) {
                    if (n.isJsonObject() && isLineCrossing(n.getAsJsonObject())) {
                        JsonObject node = n.getAsJsonObject();
                        JsonElement settings = node.get("settings");
                        if (settings == null || settings.isJsonNull()) {
                            settings = new JsonObject();
                            node.add("settings", settings);
                        }
                        if (settings.isJsonObject() && !settings.getAsJsonObject().has("inSide")) {
                            settings.getAsJsonObject().addProperty("inSide", "right");
                        }
                        // settings of a wrong shape are left for the binder to report with their location
                    }
                }
            }
            return doc;
        }

        private static boolean isLineCrossing(JsonObject node) {
            JsonElement type = node.get("type");
            return type != null && type.isJsonPrimitive() && "line-crossing".equals(type.getAsString());
        }
    }
}
