package io.skilldesigner.engine.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * What a recording was made with: the skill (id and {@link SkillChecksum}), the engine version, the frame rate and
 * size, how many frames were written and how many the recorder had to skip.
 */
public record RecordingManifest(int formatVersion, String skillId, String skillSha256, String engineVersion,
                                double fps, int width, int height, long frames, long dropped) {
    public static final int CURRENT_FORMAT_VERSION = 1;

    public String toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", formatVersion);
        o.addProperty("skillId", skillId);
        o.addProperty("skillSha256", skillSha256);
        o.addProperty("engineVersion", engineVersion);
        o.addProperty("fps", fps);
        o.addProperty("width", width);
        o.addProperty("height", height);
        o.addProperty("frames", frames);
        o.addProperty("dropped", dropped);
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    public void write(Path file) throws IOException {
        Files.writeString(file, toJson(), StandardCharsets.UTF_8);
    }

    /** @throws IOException naming the file and the missing or bad field */
    public static RecordingManifest read(Path file) throws IOException {
        try {
            JsonObject o = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            int version = o.get("formatVersion").getAsInt();
            if (version > CURRENT_FORMAT_VERSION) {
                throw new IOException(file + ": recording format " + version + " is newer than this engine reads ("
                        + CURRENT_FORMAT_VERSION + ")");
            }
            return new RecordingManifest(version, text(o, "skillId"), text(o, "skillSha256"),
                    text(o, "engineVersion"), number(o, file, "fps"), (int) number(o, file, "width"),
                    (int) number(o, file, "height"), (long) number(o, file, "frames"),
                    (long) number(o, file, "dropped"));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException e) {
            throw new IOException(file + ": not a recording manifest (" + e.getMessage() + ")", e);
        }
    }

    private static String text(JsonObject o, String key) {
        return o.has(key) ? o.get(key).getAsString() : "";
    }

    private static double number(JsonObject o, Path file, String key) throws IOException {
        if (!o.has(key)) {
            throw new IOException(file + ": the manifest has no '" + key + "'");
        }
        return o.get(key).getAsDouble();
    }
}
