package io.skilldesigner.engine.insights;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Objects;

import com.google.gson.stream.JsonWriter;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.frame.ObjectAttribute;
import io.skilldesigner.engine.frame.TrackingInfo;
import io.skilldesigner.engine.runtime.RunIdentity;

/**
 * A frame's insights as one compact JSON object in exactly KAN's insight message shape and field order:
 * {@code image.properties} (height, width, color_format; never pixels), {@code insights_meta.objects_meta[]}
 * (timestamp, label, confidence, inference_id, attributes[], bbox{l,t,w,h}), {@code timestamp} (epoch seconds,
 * float), {@code frame_id} (string), {@code instance_id}, {@code skill_id}, {@code device_id}, {@code datetime}
 * (ISO 8601 with offset). Our richer fields come after KAN's, only when present: an object's {@code tracking}
 * after its bbox, and the frame's {@code events} last. Every export and the command line write this one shape.
 */
public final class InsightsJson {
    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx");

    private final RunIdentity identity;
    private final ZoneId zone;

    /** @param zone the zone {@code datetime} is written in (its offset is included) */
    public InsightsJson(RunIdentity identity, ZoneId zone) {
        this.identity = Objects.requireNonNull(identity, "identity");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public InsightsJson(RunIdentity identity) {
        this(identity, ZoneId.systemDefault());
    }

    public String toJson(Frame frame) {
        StringWriter out = new StringWriter(256 + 256 * frame.objects().size());
        try (JsonWriter w = new JsonWriter(out)) {
            w.setSerializeNulls(true);
            String seconds = seconds(frame.timestampMillis());
            w.beginObject();
            w.name("image").beginObject().name("properties").beginObject()
                    .name("height").value(frame.height())
                    .name("width").value(frame.width())
                    .name("color_format").value("BGR")
                    .endObject().endObject();
            w.name("insights_meta").beginObject().name("objects_meta").beginArray();
            for (DetectedObject o : frame.objects()) {
                writeObject(w, o, seconds);
            }
            w.endArray().endObject();
            w.name("timestamp").jsonValue(seconds);
            w.name("frame_id").value(frame.frameId());
            w.name("instance_id").value(identity.instanceId());
            w.name("skill_id").value(identity.skillId());
            w.name("device_id").value(identity.deviceId());
            w.name("datetime").value(DATETIME.format(Instant.ofEpochMilli(frame.timestampMillis()).atZone(zone)));
            if (!frame.events().isEmpty()) {
                w.name("events").beginArray();
                for (FrameEvent e : frame.events()) {
                    writeEvent(w, e);
                }
                w.endArray();
            }
            w.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        return out.toString();
    }

    private static void writeObject(JsonWriter w, DetectedObject o, String seconds) throws IOException {
        w.beginObject();
        w.name("timestamp").jsonValue(seconds);
        w.name("label").value(o.label());
        w.name("confidence").jsonValue(number(o.confidence()));
        w.name("inference_id").value(o.inferenceId());
        w.name("attributes").beginArray();
        for (ObjectAttribute a : o.attributes()) {
            w.beginObject().name("name").value(a.name()).name("label").value(a.label())
                    .name("confidence").jsonValue(number(a.confidence())).endObject();
        }
        w.endArray();
        BBox b = o.bbox();
        w.name("bbox").beginObject().name("l").jsonValue(number(b.l())).name("t").jsonValue(number(b.t()))
                .name("w").jsonValue(number(b.w())).name("h").jsonValue(number(b.h())).endObject();
        TrackingInfo t = o.tracking();
        if (t != null) {
            w.name("tracking").beginObject().name("tracking_id").value(t.trackingId())
                    .name("speed").jsonValue(number(t.speed()))
                    .name("direction").beginObject().name("x").jsonValue(number(t.directionX()))
                    .name("y").jsonValue(number(t.directionY())).endObject()
                    .endObject();
        }
        w.endObject();
    }

    private static void writeEvent(JsonWriter w, FrameEvent e) throws IOException {
        w.beginObject();
        w.name("type").value(e.type());
        w.name("event_id").value(e.eventId());
        w.name("timestamp").jsonValue(seconds(e.timestampMillis()));
        w.name("related_ids").beginArray();
        for (String id : e.relatedIds()) {
            w.value(id);
        }
        w.endArray();
        w.name("properties").beginObject();
        for (Map.Entry<String, String> p : e.properties().entrySet()) {
            w.name(p.getKey()).value(p.getValue());
        }
        w.endObject();
        w.endObject();
    }

    /** Epoch seconds with milliseconds, never in exponent notation. */
    static String seconds(long epochMillis) {
        return BigDecimal.valueOf(epochMillis, 3).toPlainString();
    }

    /** A float as its shortest decimal (0.9, not 0.8999999761581726); NaN/infinity (invalid JSON) become 0. */
    static String number(float f) {
        if (!Float.isFinite(f)) {
            return "0";
        }
        return new BigDecimal(Float.toString(f)).stripTrailingZeros().toPlainString();
    }
}
