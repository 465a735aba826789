package io.skilldesigner.app.draw;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;

/**
 * Live counts of the events one node emits (a line's crossings in and out, a zone's enters and exits), fed with
 * the node's output frames on the engine's thread and read by the view. An event is the node's own when its id
 * carries the node's id ({@code <nodeId>-<n>}); events from nodes upstream pass through its frames too.
 */
public final class NodeEventTally {
    private static final String DIRECTION = "direction";
    private final String prefix;
    private final Map<String, AtomicLong> counts = new ConcurrentHashMap<>();

    public NodeEventTally(String nodeId) {
        this.prefix = nodeId + "-";
    }

    public void accept(Frame frame) {
        for (FrameEvent e : frame.events()) {
            if (e.eventId() != null && e.eventId().startsWith(prefix)) {
                String dir = e.properties().get(DIRECTION);
                counts.computeIfAbsent(e.type() + (dir == null ? "" : " " + dir), k -> new AtomicLong())
                        .incrementAndGet();
            }
        }
    }

    /** Count per event kind ("line-crossing in", "zone-enter", ...), sorted by kind. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** "line-crossing in 2 · line-crossing out 1", or "none yet". */
    public String text() {
        Map<String, Long> c = counts();
        if (c.isEmpty()) {
            return "none yet";
        }
        StringBuilder sb = new StringBuilder();
        c.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " · ").append(k).append(' ').append(v));
        return sb.toString();
    }
}
