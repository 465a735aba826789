package io.skilldesigner.engine.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The skill as the package's deployment manifest puts it in the runtime module's twin: desired property
 * {@code skill} = {@code {format, id, sha256, chunks, json00, json01, …}} (twin strings are at most 4 KB and
 * property names may not hold the characters skill JSON does, hence string chunks; see the packaging module's
 * {@code IotEdgeManifests}). Reassembled and checked against its SHA-256 so that a half-applied patch is refused
 * instead of run.
 *
 * @param id     the skill id the property declares
 * @param sha256 of the reassembled JSON, lower-case hex
 * @param json   the skill JSON (as the package's skill.json, secrets as placeholders)
 */
public record TwinSkill(String id, String sha256, String json) {
    public static final String PROPERTY = "skill";
    public static final String FORMAT = "skill-designer-skill";

    /**
     * @param desired the module twin's desired properties
     * @throws InvalidTwinSkillException saying what is missing or wrong, with the property's path
     */
    public static TwinSkill from(JsonObject desired) throws InvalidTwinSkillException {
        JsonElement e = desired.get(PROPERTY);
        if (e == null || e.isJsonNull()) {
            throw new InvalidTwinSkillException("the module twin has no desired property '" + PROPERTY
                    + "' (the deployment manifest of the package sets it; SD_SKILL_SOURCE=twin reads the skill"
                    + " from there)");
        }
        if (!e.isJsonObject()) {
            throw new InvalidTwinSkillException("desired property '" + PROPERTY + "' is not an object");
        }
        JsonObject p = e.getAsJsonObject();
        String format = string(p, "format");
        if (!FORMAT.equals(format)) {
            throw new InvalidTwinSkillException("desired property '" + PROPERTY + ".format' is '" + format
                    + "', expected '" + FORMAT + "'");
        }
        String id = string(p, "id");
        String sha256 = string(p, "sha256");
        int chunks;
        try {
            chunks = p.has("chunks") ? p.get("chunks").getAsInt() : -1;
        } catch (RuntimeException ex) {
            chunks = -1;
        }
        if (chunks < 1 || chunks > 100) {
            throw new InvalidTwinSkillException("desired property '" + PROPERTY + ".chunks' must be a number of"
                    + " chunks from 1 to 100, is " + p.get("chunks"));
        }
        StringBuilder json = new StringBuilder();
        for (int i = 0; i < chunks; i++) {
            String key = String.format("json%02d", i);
            if (!p.has(key) || !p.get(key).isJsonPrimitive()) {
                throw new InvalidTwinSkillException("desired property '" + PROPERTY + "." + key + "' is missing ("
                        + chunks + " chunks declared)");
            }
            json.append(p.get(key).getAsString());
        }
        String actual = sha256(json.toString());
        if (!actual.equalsIgnoreCase(sha256)) {
            throw new InvalidTwinSkillException("desired property '" + PROPERTY + "': the " + chunks
                    + " chunks do not match its sha256 (declared " + sha256 + ", chunks give " + actual
                    + "); an incomplete update?");
        }
        return new TwinSkill(id, actual, json.toString());
    }

    private static String string(JsonObject p, String name) throws InvalidTwinSkillException {
        JsonElement v = p.get(name);
        if (v == null || !v.isJsonPrimitive() || v.getAsString().isBlank()) {
            throw new InvalidTwinSkillException("desired property '" + PROPERTY + "." + name + "' is missing");
        }
        return v.getAsString();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The twin's skill cannot be used; the message says which property and why. */
    public static final class InvalidTwinSkillException extends Exception {
        public InvalidTwinSkillException(String message) {
            super(message);
        }
    }
}
