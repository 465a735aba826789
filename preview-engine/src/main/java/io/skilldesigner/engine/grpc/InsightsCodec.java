package io.skilldesigner.engine.grpc;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.frame.ObjectAttribute;
import io.skilldesigner.engine.frame.TrackingInfo;
import io.skilldesigner.engine.grpc.proto.Direction;
import io.skilldesigner.engine.grpc.proto.EventMeta;
import io.skilldesigner.engine.grpc.proto.InsightsMeta;
import io.skilldesigner.engine.grpc.proto.ObjectMeta;
import io.skilldesigner.engine.grpc.proto.ObjectMetaAttribute;
import io.skilldesigner.engine.grpc.proto.Timestamp;

/** Maps a frame's objects and events to the protocol's {@code InsightsMeta} and back, checking what comes back. */
public final class InsightsCodec {
    /** Boxes may overshoot the frame by rounding; anything beyond this is a server bug, not rounding. */
    static final float BOX_TOLERANCE = 1e-3f;

    private InsightsCodec() {
    }

    /** Objects and events a server returned. */
    public record Insights(List<DetectedObject> objects, List<FrameEvent> events) {
        public static final Insights NONE = new Insights(List.of(), List.of());
    }

    public static Timestamp timestamp(long epochMillis) {
        return Timestamp.newBuilder().setSeconds(Math.floorDiv(epochMillis, 1000L))
                .setNanos((int) Math.floorMod(epochMillis, 1000L) * 1_000_000).build();
    }

    static long millis(Timestamp ts, long fallback) {
        return ts.getSeconds() == 0 && ts.getNanos() == 0 ? fallback : ts.getSeconds() * 1000L + ts.getNanos() / 1_000_000;
    }

    public static InsightsMeta toProto(Frame frame) {
        Timestamp ts = timestamp(frame.timestampMillis());
        InsightsMeta.Builder b = InsightsMeta.newBuilder();
        for (DetectedObject o : frame.objects()) {
            b.addObjectsMeta(toProto(o, ts));
        }
        for (FrameEvent e : frame.events()) {
            b.addEventsMeta(EventMeta.newBuilder().setTimestamp(timestamp(e.timestampMillis())).setType(e.type())
                    .setEventId(e.eventId()).addAllRelatedIds(e.relatedIds()).putAllProperties(e.properties()));
        }
        return b.build();
    }

    public static ObjectMeta toProto(DetectedObject o, Timestamp ts) {
        BBox box = o.bbox();
        ObjectMeta.Builder b = ObjectMeta.newBuilder().setTimestamp(ts).setLabel(o.label())
                .setConfidence(o.confidence()).setInferenceId(o.inferenceId())
                .setBbox(io.skilldesigner.engine.grpc.proto.BBox.newBuilder().setL(box.l()).setT(box.t())
                        .setW(box.w()).setH(box.h()));
        for (ObjectAttribute a : o.attributes()) {
            b.addAttributes(ObjectMetaAttribute.newBuilder().setTimestamp(ts).setName(a.name()).setLabel(a.label())
                    .setConfidence(a.confidence()).setInferenceId(a.inferenceId()));
        }
        if (o.tracking() != null) {
            TrackingInfo t = o.tracking();
            b.setTrackingInfo(io.skilldesigner.engine.grpc.proto.TrackingInfo.newBuilder().setTimestamp(ts)
                    .setTrackingId(t.trackingId()).setSpeed(t.speed())
                    .setDirection(Direction.newBuilder().setX(t.directionX()).setY(t.directionY())));
        }
        return b.build();
    }

    /**
     * Reads what a server returned, rejecting boxes outside 0..1 and empty labels: a clear error beats
     * boxes drawn off-screen or exported garbage.
     */
    public static Insights fromProto(InsightsMeta meta, long frameMillis) throws CustomNodeException {
        List<DetectedObject> objects = new ArrayList<>();
        for (int i = 0; i < meta.getObjectsMetaCount(); i++) {
            objects.add(object(meta.getObjectsMeta(i), i));
        }
        List<FrameEvent> events = new ArrayList<>();
        for (int i = 0; i < meta.getEventsMetaCount(); i++) {
            EventMeta e = meta.getEventsMeta(i);
            if (e.getType().isBlank()) {
                throw new CustomNodeException("returned event " + i + " has an empty type");
            }
            events.add(new FrameEvent(e.getType(), e.getEventId(), e.getRelatedIdsList(), e.getPropertiesMap(),
                    millis(e.getTimestamp(), frameMillis)));
        }
        return new Insights(objects, events);
    }

    /** One returned object, checked: label, box present and inside the frame. */
    static DetectedObject object(ObjectMeta m, int index) throws CustomNodeException {
        String where = "returned object " + index + (m.getLabel().isEmpty() ? "" : " '" + m.getLabel() + "'");
        if (m.getLabel().isBlank()) {
            throw new CustomNodeException(where + " has an empty label");
        }
        if (!m.hasBbox()) {
            throw new CustomNodeException(where + " has no bbox");
        }
        var b = m.getBbox();
        checkBox(where, b.getL(), b.getT(), b.getW(), b.getH());
        List<ObjectAttribute> attributes = new ArrayList<>();
        for (ObjectMetaAttribute a : m.getAttributesList()) {
            attributes.add(new ObjectAttribute(a.getName(), a.getLabel(), a.getConfidence(), a.getInferenceId()));
        }
        TrackingInfo tracking = null;
        if (m.hasTrackingInfo()) {
            var t = m.getTrackingInfo();
            tracking = new TrackingInfo(t.getTrackingId(), t.getSpeed(), t.getDirection().getX(),
                    t.getDirection().getY());
        }
        return new DetectedObject(m.getLabel(), m.getConfidence(), new BBox(b.getL(), b.getT(), b.getW(), b.getH()),
                m.getInferenceId(), attributes, tracking);
    }

    /** Throws unless the box is finite, non-negative in size and inside the frame (0..1, small tolerance). */
    public static void checkBox(String where, float l, float t, float w, float h) throws CustomNodeException {
        boolean finite = Float.isFinite(l) && Float.isFinite(t) && Float.isFinite(w) && Float.isFinite(h);
        float lo = -BOX_TOLERANCE;
        float hi = 1f + BOX_TOLERANCE;
        if (!finite || l < lo || t < lo || w < 0 || h < 0 || l + w > hi || t + h > hi) {
            throw new CustomNodeException(where + " has bbox l=" + l + " t=" + t + " w=" + w + " h=" + h
                    + " outside the frame; boxes must be normalised to 0..1");
        }
    }
}
