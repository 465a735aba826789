package io.skilldesigner.engine.export;

import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The module twin's desired properties as this module last saw them: the full document from a twin GET, then
 * each desired-properties patch merged in (IoT Hub sends only what changed: a patch of {@code skill} may hold a
 * few chunks; {@code null} removes a property). A patch whose {@code $version} is not newer than what is held is
 * ignored (it was already in a full document read after it was sent).
 */
public final class DesiredProperties {
    private JsonObject properties = new JsonObject();
    private long version = -1;

    /** Replaces everything with a full desired document. */
    public synchronized void replace(JsonObject desired, long version) {
        properties = withoutMetadata(desired);
        this.version = version;
    }

    /** @return whether the patch was newer and applied */
    public synchronized boolean patch(JsonObject patch, long version) {
        if (version >= 0 && version <= this.version) {
            return false;
        }
        merge(properties, withoutMetadata(patch));
        this.version = version;
        return true;
    }

    public synchronized JsonObject snapshot() {
        return properties.deepCopy();
    }

    public synchronized long version() {
        return version;
    }

    private static void merge(JsonObject target, JsonObject patch) {
        for (Map.Entry<String, JsonElement> e : patch.entrySet()) {
            JsonElement v = e.getValue();
            if (v == null || v.isJsonNull()) {
                target.remove(e.getKey());
            } else if (v.isJsonObject() && target.get(e.getKey()) instanceof JsonObject existing) {
                merge(existing, v.getAsJsonObject());
            } else {
                target.add(e.getKey(), v.deepCopy());
            }
        }
    }

    /** Drops the twin's own {@code $version} / {@code $metadata} entries at every level. */
    private static JsonObject withoutMetadata(JsonObject o) {
        JsonObject out = new JsonObject();
        for (Map.Entry<String, JsonElement> e : o.entrySet()) {
            if (e.getKey().startsWith("$")) {
                continue;
            }
            JsonElement v = e.getValue();
            out.add(e.getKey(), v != null && v.isJsonObject() ? withoutMetadata(v.getAsJsonObject()) : v);
        }
        return out;
    }
}
