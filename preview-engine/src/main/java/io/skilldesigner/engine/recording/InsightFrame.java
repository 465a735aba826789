package io.skilldesigner.engine.recording;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * One line of insights JSONL (KAN's insight message shape, as {@link io.skilldesigner.engine.insights.InsightsJson}
 * writes it), reduced to what a golden test compares: the objects with their boxes, confidences, attributes and
 * track ids, and the events.
 */
public record InsightFrame(String frameId, long timestampMillis, List<InsightObject> objects,
                           List<InsightEvent> events) {

    public record InsightObject(String label, double confidence, double l, double t, double w, double h,
                                Map<String, Attribute> attributes, String trackingId) {
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s%s [l=%.3f t=%.3f w=%.3f h=%.3f] conf %.3f", label,
                    trackingId.isEmpty() ? "" : " #" + trackingId, l, t, w, h, confidence);
        }

        double iou(InsightObject o) {
            double x1 = Math.max(l, o.l);
            double y1 = Math.max(t, o.t);
            double x2 = Math.min(l + w, o.l + o.w);
            double y2 = Math.min(t + h, o.t + o.h);
            double inter = Math.max(0, x2 - x1) * Math.max(0, y2 - y1);
            double union = w * h + o.w * o.h - inter;
            return union <= 0 ? 0 : inter / union;
        }
    }

    public record Attribute(String label, double confidence) {
    }

    /** An event without its id and time (both differ between runs by design). */
    public record InsightEvent(String type, List<String> relatedIds, Map<String, String> properties) {
        public String describe() {
            return type + " " + relatedIds + " " + properties;
        }
    }

    /** @throws IllegalArgumentException naming what is wrong with the line */
    public static InsightFrame parse(String line) {
        try {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            List<InsightObject> objects = new ArrayList<>();
            for (JsonElement e : o.getAsJsonObject("insights_meta").getAsJsonArray("objects_meta")) {
                objects.add(object(e.getAsJsonObject()));
            }
            List<InsightEvent> events = new ArrayList<>();
            if (o.has("events")) {
                for (JsonElement e : o.getAsJsonArray("events")) {
                    JsonObject ev = e.getAsJsonObject();
                    List<String> related = new ArrayList<>();
                    ev.getAsJsonArray("related_ids").forEach(r -> related.add(r.getAsString()));
                    Map<String, String> props = new TreeMap<>();
                    ev.getAsJsonObject("properties").entrySet()
                            .forEach(p -> props.put(p.getKey(), p.getValue().getAsString()));
                    events.add(new InsightEvent(ev.get("type").getAsString(), List.copyOf(related), props));
                }
            }
            long millis = new BigDecimal(o.get("timestamp").getAsString()).movePointRight(3).longValue();
            return new InsightFrame(o.get("frame_id").getAsString(), millis, List.copyOf(objects),
                    List.copyOf(events));
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                 | NumberFormatException e) {
            throw new IllegalArgumentException("not an insights line (" + e.getMessage() + ")", e);
        }
    }

    private static InsightObject object(JsonObject o) {
        JsonObject b = o.getAsJsonObject("bbox");
        Map<String, Attribute> attributes = new TreeMap<>();
        for (JsonElement e : o.getAsJsonArray("attributes")) {
            JsonObject a = e.getAsJsonObject();
            attributes.put(a.get("name").getAsString(), new Attribute(a.get("label").getAsString(),
                    a.get("confidence").getAsDouble()));
        }
        String track = o.has("tracking") ? o.getAsJsonObject("tracking").get("tracking_id").getAsString() : "";
        return new InsightObject(o.get("label").getAsString(), o.get("confidence").getAsDouble(),
                b.get("l").getAsDouble(), b.get("t").getAsDouble(), b.get("w").getAsDouble(),
                b.get("h").getAsDouble(), attributes, track);
    }
}
