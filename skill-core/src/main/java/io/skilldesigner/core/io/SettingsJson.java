package io.skilldesigner.core.io;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.google.gson.JsonObject;

/** A settings file: {@code {"formatVersion": 1, "values": {name: text}}}, same layout rules as the others. */
public final class SettingsJson {
    public static final int CURRENT_FORMAT_VERSION = 1;

    public Map<String, String> read(String text, String source) throws FileFormatException {
        LocatedJson doc = LocatedJson.parse(text, source);
        JsonField root = JsonField.root(doc, doc.root());
        root.object();
        SkillJson.formatVersion(root, CURRENT_FORMAT_VERSION);
        Map<String, String> out = new LinkedHashMap<>();
        Optional<JsonField> values = root.optional("values");
        if (values.isPresent()) {
            for (Map.Entry<String, JsonField> e : values.get().entries()) {
                out.put(e.getKey(), e.getValue().text());
            }
        }
        return out;
    }

    public String write(Map<String, String> values) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", CURRENT_FORMAT_VERSION);
        JsonObject v = new JsonObject();
        values.forEach(v::addProperty);
        o.add("values", v);
        return JsonText.write(o);
    }
}
