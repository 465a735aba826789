package io.skilldesigner.core.diff;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.io.TextFiles;
import io.skilldesigner.core.kan.KanFormat;
import io.skilldesigner.core.kan.KanFormatException;
import io.skilldesigner.core.kan.KanSkillReader;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;

/**
 * Reads a skill from our JSON format or from KAN's (YAML, or JSON with {@code apiVersion}), told apart by the
 * file's extension and, for JSON, by its content.
 */
public final class SkillFileReader {
    private final NodeCatalog catalog;

    public SkillFileReader(NodeCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param models the library KAN model nodes are looked up in (by id, else by name)
     * @throws IOException when the file cannot be read or is neither format; the message names the file and,
     *                     where known, line and field
     */
    public Skill read(Path file, ModelLibrary models) throws IOException {
        String text = TextFiles.readUtf8(file, file.toString());
        if (!isKan(file, text)) {
            return new SkillJson(catalog).read(text, file.toString());
        }
        try {
            return new KanSkillReader(catalog, models).read(text).skill();
        } catch (KanFormatException e) {
            throw new IOException(e.inFile(file).getMessage(), e);
        }
    }

    static boolean isKan(Path file, String text) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return true;
        }
        try {
            JsonElement root = JsonParser.parseString(text.startsWith("\uFEFF") ? text.substring(1) : text);
            return root.isJsonObject() && root.getAsJsonObject().has("apiVersion")
                    && KanFormat.API_VERSION.equals(root.getAsJsonObject().get("apiVersion").getAsString());
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            // not JSON, or not a KAN document: our own reader reports what is wrong with line and field
            return false;
        }
    }
}
