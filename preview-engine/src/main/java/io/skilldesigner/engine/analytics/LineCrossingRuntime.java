package io.skilldesigner.engine.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * Runtime of a {@link LineCrossingNode}. Each tracked object has a settled side of the line and the last anchor
 * point seen there. An anchor within the dead band of the line is on neither side: it changes nothing and
 * breaks a run on the other side. When the anchor has been seen {@code minFramesOnNewSide} times in a row on the
 * other side, the object settles there, and that is one crossing when the path from the last point on the old
 * side to the first point on the new one passes between A and B (walking around an end settles without
 * counting). Counted per label and direction ("in" = towards the arrow's side) and reported as a
 * {@code line-crossing} event on the frame the crossing is confirmed. A track seen for the first time starts
 * from its origin (the tracker's first, unconfirmed box), so a crossing made before its id was confirmed counts.
 * Frames in which a track is not seen neither count nor break a run; the track is forgotten when it has gone
 * unseen for longer than the upstream tracker keeps lost tracks (its id cannot come back after that).
 */
public final class LineCrossingRuntime implements NodeRuntime {
    /** Crossings of one label so far. */
    public record Counts(long in, long out) {
    }

    /** What the line knows about one track. */
    private static final class TrackState {
        /** The settled side (+1 right of A→B, -1 left), 0 until the anchor was first seen off the line. */
        int side;
        /** The last anchor seen on the settled side. */
        Point settled;
        /** Sightings in a row on the other side, and the first of them. */
        int run;
        Point runStart;
        int missed;
    }

    private final String lineName;
    private final LineSegment line;
    private final String direction;
    private final int inSide;
    private final int minFrames;
    private final double deadBand;
    private final int maxMissed;
    private final Anchor anchor;
    private final Set<String> labels;
    private final EventIds ids;
    private final Map<String, TrackState> tracks = new HashMap<>();
    private final Map<String, long[]> counts = new TreeMap<>();

    /**
     * @param maxMissed frames in a row a track may go unseen before it is forgotten: the upstream tracker's max age
     */
    public LineCrossingRuntime(String nodeId, EffectiveSettings s, int maxMissed) {
        List<Point> ab = Point.all(s.points(LineCrossingNode.LINE));
        if (ab.size() != 2) {
            throw new IllegalArgumentException("line-crossing node '" + nodeId + "': setting 'line' needs exactly 2"
                    + " points, got " + ab.size());
        }
        this.lineName = s.text(LineCrossingNode.LINE_NAME);
        this.line = new LineSegment(ab.get(0), ab.get(1));
        this.direction = s.text(LineCrossingNode.DIRECTION);
        this.inSide = LineCrossingNode.IN_SIDE_RIGHT.equals(s.text(LineCrossingNode.IN_SIDE)) ? 1 : -1;
        this.minFrames = (int) Math.max(1, s.integer(LineCrossingNode.MIN_FRAMES));
        this.deadBand = Math.max(0, s.decimal(LineCrossingNode.DEAD_BAND));
        this.maxMissed = maxMissed;
        this.anchor = Anchor.of(s.text(LineCrossingNode.ANCHOR));
        this.labels = Set.copyOf(s.strings(LineCrossingNode.LABELS));
        this.ids = new EventIds(nodeId);
    }

    @Override
    public Frame process(Frame frame) {
        List<FrameEvent> events = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (DetectedObject o : frame.objects()) {
            if (o.tracking() == null || (!labels.isEmpty() && !labels.contains(o.label()))) {
                continue;
            }
            String id = o.tracking().trackingId();
            seen.add(id);
            TrackState t = tracks.computeIfAbsent(id, k -> startAtOrigin(o));
            t.missed = 0;
            Point p = anchor.of(o.bbox());
            int side = sideOf(p);
            if (side == 0) {
                t.run = 0;  // on the line (or in its dead band): neither side
            } else if (t.side == 0 || side == t.side) {
                t.side = side;
                t.settled = p;
                t.run = 0;
            } else {
                if (t.run++ == 0) {
                    t.runStart = p;
                }
                if (t.run >= minFrames) {
                    boolean crossed = line.crossedBy(t.settled, t.runStart);
                    t.side = side;
                    t.settled = p;
                    t.run = 0;
                    if (crossed) {
                        count(o, id, side == inSide ? LineCrossingNode.DIRECTION_IN : LineCrossingNode.DIRECTION_OUT,
                                frame, events);
                    }
                }
            }
        }
        tracks.entrySet().removeIf(e -> !seen.contains(e.getKey()) && ++e.getValue().missed > maxMissed);
        return events.isEmpty() ? frame : frame.plusEvents(events);
    }

    /** A new track's state: settled where the tracker first saw it, when that is off the line. */
    private TrackState startAtOrigin(DetectedObject o) {
        TrackState t = new TrackState();
        if (o.tracking().origin() != null) {
            Point start = anchor.of(o.tracking().origin());
            t.side = sideOf(start);
            t.settled = t.side == 0 ? null : start;
        }
        return t;
    }

    private int sideOf(Point p) {
        double d = line.signedDistance(p);
        return Math.abs(d) <= deadBand ? 0 : d > 0 ? 1 : -1;
    }

    private void count(DetectedObject o, String id, String dir, Frame frame, List<FrameEvent> events) {
        if (!direction.equals(LineCrossingNode.DIRECTION_BOTH) && !direction.equals(dir)) {
            return;
        }
        long[] c = counts.computeIfAbsent(o.label(), k -> new long[2]);
        c[dir.equals(LineCrossingNode.DIRECTION_IN) ? 0 : 1]++;
        Map<String, String> props = new LinkedHashMap<>();
        props.put("line", lineName);
        props.put("direction", dir);
        props.put("label", o.label());
        props.put("trackingId", id);
        props.put("inCount", Long.toString(c[0]));
        props.put("outCount", Long.toString(c[1]));
        events.add(new FrameEvent("line-crossing", ids.next(), List.of(id), props, frame.timestampMillis()));
    }

    /** Crossings so far per label (labels never counted are absent). */
    public Map<String, Counts> counts() {
        Map<String, Counts> out = new TreeMap<>();
        counts.forEach((label, c) -> out.put(label, new Counts(c[0], c[1])));
        return out;
    }
}
