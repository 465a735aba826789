package io.skilldesigner.engine.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.engine.export.TwinSkill.InvalidTwinSkillException;

/** The twin's {@code skill} property reassembled and checked; desired-property patches merged as IoT Hub sends them. */
class TwinSkillTest {
    static final String JSON = "{\"id\":\"door\",\"nodes\":[" + "\"x\",".repeat(400) + "\"end\"]}";

    /** The desired properties as the package's manifest writes them, with chunks of {@code size} characters. */
    static JsonObject desired(String id, String json, int size) {
        JsonObject skill = new JsonObject();
        skill.addProperty("format", TwinSkill.FORMAT);
        skill.addProperty("id", id);
        skill.addProperty("sha256", TwinSkill.sha256(json));
        int k = 0;
        for (int i = 0; i < json.length(); i += size, k++) {
            skill.addProperty(String.format("json%02d", k), json.substring(i, Math.min(json.length(), i + size)));
        }
        skill.addProperty("chunks", k);
        JsonObject desired = new JsonObject();
        desired.add(TwinSkill.PROPERTY, skill);
        return desired;
    }

    @Test
    void chunksAreJoinedInOrderAndChecked() throws Exception {
        JsonObject d = desired("door", JSON, 300);
        assertTrue(d.getAsJsonObject("skill").get("chunks").getAsInt() > 3);
        TwinSkill s = TwinSkill.from(d);
        assertEquals(JSON, s.json());
        assertEquals("door", s.id());
        assertEquals(TwinSkill.sha256(JSON), s.sha256());
    }

    @Test
    void missingPropertyChunkOrWrongChecksumSaySo() {
        assertTrue(assertThrows(InvalidTwinSkillException.class, () -> TwinSkill.from(new JsonObject()))
                .getMessage().contains("no desired property 'skill'"));

        JsonObject lost = desired("door", JSON, 300);
        lost.getAsJsonObject("skill").remove("json02");
        assertTrue(assertThrows(InvalidTwinSkillException.class, () -> TwinSkill.from(lost)).getMessage()
                .contains("'skill.json02' is missing"));

        JsonObject swapped = desired("door", JSON, 300);
        JsonObject p = swapped.getAsJsonObject("skill");
        String c0 = p.get("json00").getAsString();
        p.addProperty("json00", p.get("json01").getAsString());
        p.addProperty("json01", c0);
        assertTrue(assertThrows(InvalidTwinSkillException.class, () -> TwinSkill.from(swapped)).getMessage()
                .contains("do not match its sha256"));

        JsonObject format = desired("door", JSON, 300);
        format.getAsJsonObject("skill").addProperty("format", "kan");
        assertTrue(assertThrows(InvalidTwinSkillException.class, () -> TwinSkill.from(format)).getMessage()
                .contains("'skill.format' is 'kan'"));
    }

    @Test
    void patchesMergeOnlyWhenNewerAndNullRemoves() throws Exception {
        DesiredProperties held = new DesiredProperties();
        JsonObject whole = desired("door", JSON, 300);
        whole.addProperty("$version", 4);
        whole.addProperty("other", "kept");
        held.replace(whole, 4);
        String changed = JSON.replace("end", "fin");
        // IoT Hub sends only the changed keys: here the last chunk and the checksum.
        JsonObject full = desired("door", changed, 300).getAsJsonObject("skill");
        JsonObject patchSkill = new JsonObject();
        String last = String.format("json%02d", full.get("chunks").getAsInt() - 1);
        patchSkill.add(last, full.get(last));
        patchSkill.add("sha256", full.get("sha256"));
        JsonObject patch = new JsonObject();
        patch.add("skill", patchSkill);
        patch.add("other", JsonNull.INSTANCE);

        assertFalse(held.patch(patch, 4), "not newer than the whole document");
        assertEquals(JSON, TwinSkill.from(held.snapshot()).json());
        assertTrue(held.patch(patch, 5));
        assertEquals(changed, TwinSkill.from(held.snapshot()).json());
        assertFalse(held.snapshot().has("other"));
        assertFalse(held.snapshot().has("$version"));
        assertEquals(JsonParser.parseString("5").getAsLong(), held.version());
    }
}
