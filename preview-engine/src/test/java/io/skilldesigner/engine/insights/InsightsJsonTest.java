package io.skilldesigner.engine.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.frame.ObjectAttribute;
import io.skilldesigner.engine.frame.TrackingInfo;
import io.skilldesigner.engine.runtime.RunIdentity;

class InsightsJsonTest {
    private static final RunIdentity ID = new RunIdentity("inst-1", "skill-1", "dev-1");
    private static final long T = 1_764_082_680_123L; // 2025-11-25T14:58:00.123Z

    private static Frame frame(List<DetectedObject> objects) {
        return new Frame("42", 42, T, null, 640, 480, objects, List.of());
    }

    @Test
    void writesKansShapeInKansFieldOrderCompactly() {
        DetectedObject person = new DetectedObject("person", 0.9f, new BBox(0.1f, 0.2f, 0.3f, 0.4f), "inf-7",
                List.of(new ObjectAttribute("colour", "red", 0.75f, "inf-8")), null);
        String json = new InsightsJson(ID, ZoneOffset.UTC).toJson(frame(List.of(person)));
        assertEquals("{\"image\":{\"properties\":{\"height\":480,\"width\":640,\"color_format\":\"BGR\"}},"
                + "\"insights_meta\":{\"objects_meta\":[{\"timestamp\":1764082680.123,\"label\":\"person\","
                + "\"confidence\":0.9,\"inference_id\":\"inf-7\",\"attributes\":[{\"name\":\"colour\",\"label\":\"red\","
                + "\"confidence\":0.75}],\"bbox\":{\"l\":0.1,\"t\":0.2,\"w\":0.3,\"h\":0.4}}]},"
                + "\"timestamp\":1764082680.123,\"frame_id\":\"42\",\"instance_id\":\"inst-1\",\"skill_id\":\"skill-1\","
                + "\"device_id\":\"dev-1\",\"datetime\":\"2025-11-25T14:58:00.123000+00:00\"}", json);
    }

    @Test
    void emptyFrameHasAnEmptyObjectListAndDatetimeCarriesTheZoneOffset() {
        String json = new InsightsJson(ID, ZoneId.of("Asia/Kolkata")).toJson(frame(List.of()));
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        assertEquals(0, o.getAsJsonObject("insights_meta").getAsJsonArray("objects_meta").size());
        assertEquals("2025-11-25T20:28:00.123000+05:30", o.get("datetime").getAsString());
        assertFalse(o.has("events"), "no events field without events");
        assertFalse(json.contains(" "), "compact JSON");
    }

    @Test
    void richerFieldsComeAfterKansOnlyWhenPresent() {
        DetectedObject tracked = DetectedObject.of("car", 0.5f, new BBox(0, 0, 1, 1))
                .withTracking(new TrackingInfo("t-1", 0.25f, 1f, 0f));
        Frame f = frame(List.of(tracked)).withEvents(List.of(
                new FrameEvent("zone_enter", "e-1", List.of("t-1"), Map.of("zone", "door"), T)));
        String json = new InsightsJson(ID, ZoneOffset.UTC).toJson(f);
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        List<String> keys = List.copyOf(o.keySet());
        assertEquals(List.of("image", "insights_meta", "timestamp", "frame_id", "instance_id", "skill_id", "device_id",
                "datetime", "events"), keys);
        JsonObject obj = o.getAsJsonObject("insights_meta").getAsJsonArray("objects_meta").get(0).getAsJsonObject();
        assertEquals(List.of("timestamp", "label", "confidence", "inference_id", "attributes", "bbox", "tracking"),
                List.copyOf(obj.keySet()));
        assertEquals("t-1", obj.getAsJsonObject("tracking").get("tracking_id").getAsString());
        assertEquals("door", o.getAsJsonArray("events").get(0).getAsJsonObject().getAsJsonObject("properties")
                .get("zone").getAsString());
    }

    @Test
    void numbersAreShortDecimalsNeverExponentsOrNaN() {
        assertEquals("1764082680.123", InsightsJson.seconds(T));
        assertEquals("0.9", InsightsJson.number(0.9f));
        assertEquals("0.00001", InsightsJson.number(1e-5f));
        assertEquals("0", InsightsJson.number(Float.NaN));
    }
}
