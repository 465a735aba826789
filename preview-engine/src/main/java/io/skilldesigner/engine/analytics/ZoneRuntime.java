package io.skilldesigner.engine.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * Runtime of a {@link ZoneNode}: keeps/drops objects by whether their anchor lies in the polygon, and for
 * tracked objects emits {@code zone-enter} when a track's anchor first is inside and {@code zone-exit} (with
 * {@code timeInZoneSeconds}) when it is seen outside ({@code reason=left}), or when the track has gone unseen for
 * more frames in a row than the upstream tracker keeps lost tracks ({@code reason=lost}): the same count over the
 * same frames as the tracker, so the zone lets an occupant go on the frame its track ends, and an object that
 * comes back under a new id is never inside twice. Untracked objects are filtered but raise no events: without
 * an id, "the same object" is unknown.
 */
public final class ZoneRuntime implements NodeRuntime {
    private record Occupant(String label, long enteredMillis, int missed) {
    }

    private final String zoneName;
    private final Polygon polygon;
    private final String filter;
    private final Anchor anchor;
    private final Set<String> labels;
    private final EventIds ids;
    private final int maxMissed;
    private final Map<String, Occupant> inside = new LinkedHashMap<>();

    /**
     * @param maxMissed frames in a row an occupant may go unseen and stay inside: the upstream tracker's max age
     */
    public ZoneRuntime(String nodeId, EffectiveSettings s, int maxMissed) {
        this.maxMissed = maxMissed;
        this.zoneName = s.text(ZoneNode.ZONE_NAME);
        this.polygon = new Polygon(Point.all(s.points(ZoneNode.POLYGON)));
        this.filter = s.text(ZoneNode.FILTER);
        this.anchor = Anchor.of(s.text(ZoneNode.ANCHOR));
        this.labels = Set.copyOf(s.strings(ZoneNode.LABELS));
        this.ids = new EventIds(nodeId);
    }

    @Override
    public Frame process(Frame frame) {
        List<DetectedObject> kept = new ArrayList<>();
        List<FrameEvent> events = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (DetectedObject o : frame.objects()) {
            if (!labels.isEmpty() && !labels.contains(o.label())) {
                kept.add(o);
                continue;
            }
            boolean in = polygon.contains(anchor.of(o.bbox()));
            if (filter.equals(ZoneNode.FILTER_NONE) || in == filter.equals(ZoneNode.FILTER_KEEP_INSIDE)) {
                kept.add(o);
            }
            if (o.tracking() != null) {
                seen.put(o.tracking().trackingId(), in);
                track(o, in, frame, events);
            }
        }
        for (Iterator<Map.Entry<String, Occupant>> it = inside.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Occupant> e = it.next();
            if (seen.containsKey(e.getKey())) {
                continue;
            }
            Occupant o = e.getValue();
            if (o.missed() + 1 > maxMissed) {
                events.add(exit(e.getKey(), o, frame.timestampMillis(), "lost"));
                it.remove();
            } else {
                e.setValue(new Occupant(o.label(), o.enteredMillis(), o.missed() + 1));
            }
        }
        return frame.withObjects(kept).plusEvents(events);
    }

    private void track(DetectedObject o, boolean in, Frame frame, List<FrameEvent> events) {
        String id = o.tracking().trackingId();
        Occupant was = inside.get(id);
        if (in && was == null) {
            inside.put(id, new Occupant(o.label(), frame.timestampMillis(), 0));
            Map<String, String> p = new LinkedHashMap<>();
            p.put("zone", zoneName);
            p.put("label", o.label());
            p.put("trackingId", id);
            events.add(new FrameEvent("zone-enter", ids.next(), List.of(id), p, frame.timestampMillis()));
        } else if (in) {
            inside.put(id, new Occupant(was.label(), was.enteredMillis(), 0));
        } else if (was != null) {
            inside.remove(id);
            events.add(exit(id, was, frame.timestampMillis(), "left"));
        }
    }

    private FrameEvent exit(String id, Occupant o, long nowMillis, String reason) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("zone", zoneName);
        p.put("label", o.label());
        p.put("trackingId", id);
        p.put("timeInZoneSeconds", String.format(java.util.Locale.ROOT, "%.3f", (nowMillis - o.enteredMillis()) / 1000.0));
        p.put("reason", reason);
        return new FrameEvent("zone-exit", ids.next(), List.of(id), p, nowMillis);
    }

    /** Tracks inside now, with how long they have been inside at {@code nowMillis}, in seconds. */
    public Map<String, Double> timeInZone(long nowMillis) {
        Map<String, Double> out = new LinkedHashMap<>();
        inside.forEach((id, o) -> out.put(id, (nowMillis - o.enteredMillis()) / 1000.0));
        return out;
    }
}
