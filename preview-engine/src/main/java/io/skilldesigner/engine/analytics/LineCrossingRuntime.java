package io.skilldesigner.engine.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * Runtime of a {@link LineCrossingNode}. For each tracked object it remembers the last anchor point that was off
 * the line; when the anchor is next seen on the other side and the path between the two points passes between
 * A and B, that is one crossing: counted per label and direction and reported as a {@code line-crossing} event.
 * A track standing on the line or jittering along it on one side never counts; every real change of side does.
 */
public final class LineCrossingRuntime implements NodeRuntime {
    /** Tracks unseen for this many frames are forgotten (bounded memory on long runs). */
    static final int FORGET_AFTER_FRAMES = 300;

    /** Crossings of one label so far. */
    public record Counts(long in, long out) {
    }

    private record Last(Point point, long sequence) {
    }

    private final String lineName;
    private final LineSegment line;
    private final String direction;
    private final Anchor anchor;
    private final Set<String> labels;
    private final EventIds ids;
    private final Map<String, Last> last = new HashMap<>();
    private final Map<String, long[]> counts = new TreeMap<>();

    public LineCrossingRuntime(String nodeId, Settings s) {
        List<Point> ab = s.points(LineCrossingNode.LINE);
        if (ab.size() != 2) {
            throw new IllegalArgumentException("line-crossing node '" + nodeId + "': setting 'line' needs exactly 2"
                    + " points, got " + ab.size());
        }
        this.lineName = s.text(LineCrossingNode.LINE_NAME);
        this.line = new LineSegment(ab.get(0), ab.get(1));
        this.direction = s.text(LineCrossingNode.DIRECTION);
        this.anchor = Anchor.of(s.text(LineCrossingNode.ANCHOR));
        this.labels = Set.copyOf(s.strings(LineCrossingNode.LABELS));
        this.ids = new EventIds(nodeId);
    }

    @Override
    public Frame process(Frame frame) {
        List<FrameEvent> events = new ArrayList<>();
        for (DetectedObject o : frame.objects()) {
            if (o.tracking() == null || (!labels.isEmpty() && !labels.contains(o.label()))) {
                continue;
            }
            String id = o.tracking().trackingId();
            Point p = anchor.of(o.bbox());
            int side = line.side(p);
            if (side == 0) {
                continue;
            }
            Last prev = last.put(id, new Last(p, frame.sequence()));
            if (prev == null || line.side(prev.point()) == side || !line.crossedBy(prev.point(), p)) {
                continue;
            }
            String dir = side > 0 ? LineCrossingNode.DIRECTION_IN : LineCrossingNode.DIRECTION_OUT;
            if (direction.equals(LineCrossingNode.DIRECTION_BOTH) || direction.equals(dir)) {
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
        }
        last.values().removeIf(l -> frame.sequence() - l.sequence() > FORGET_AFTER_FRAMES);
        return events.isEmpty() ? frame : frame.plusEvents(events);
    }

    /** Crossings so far per label (labels never counted are absent). */
    public Map<String, Counts> counts() {
        Map<String, Counts> out = new TreeMap<>();
        counts.forEach((label, c) -> out.put(label, new Counts(c[0], c[1])));
        return out;
    }
}
