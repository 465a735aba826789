package io.skilldesigner.engine.analytics;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;

/**
 * Runtime of a {@link CounterNode}. Frame count: objects of a label in the frame, tracked or not. Window count
 * with a tracker upstream: distinct track ids of the label seen within the last window; an object counts once,
 * from the frame its track is confirmed, and its unconfirmed (untracked) first frames are not counted again.
 * Without a tracker upstream: the largest number of objects of that label in one frame of the window (plus
 * distinct ids, should objects arrive tracked by another node). A {@code count-threshold} event fires when a
 * label's count reaches the threshold, and again only after it fell below (no event storm while a crowd stays).
 */
public final class CounterRuntime implements NodeRuntime {
    /** Per label: when each track was last seen (oldest first), and a sliding maximum of untracked counts. */
    private static final class LabelWindow {
        final LinkedHashMap<String, Long> lastSeen = new LinkedHashMap<>();
        final Deque<long[]> untrackedPeaks = new ArrayDeque<>();  // {millis, count}, counts strictly decreasing

        void see(String trackId, long now) {
            lastSeen.remove(trackId);  // re-inserted last, so the map stays ordered by last sighting
            lastSeen.put(trackId, now);
        }

        void untracked(int count, long now) {
            while (!untrackedPeaks.isEmpty() && untrackedPeaks.peekLast()[1] <= count) {
                untrackedPeaks.removeLast();
            }
            untrackedPeaks.addLast(new long[] {now, count});
        }

        long count(long now, long windowMillis) {
            for (var it = lastSeen.values().iterator(); it.hasNext(); ) {
                if (now - it.next() < windowMillis) {
                    break;
                }
                it.remove();
            }
            while (!untrackedPeaks.isEmpty() && now - untrackedPeaks.peekFirst()[0] >= windowMillis) {
                untrackedPeaks.removeFirst();
            }
            return lastSeen.size() + (untrackedPeaks.isEmpty() ? 0 : untrackedPeaks.peekFirst()[1]);
        }
    }

    private final Set<String> labels;
    private final long windowMillis;
    private final long threshold;
    private final boolean onWindow;
    private final boolean emitCounts;
    private final EventIds ids;
    private final boolean trackerUpstream;
    private final Map<String, LabelWindow> window = new TreeMap<>();
    private final Set<String> above = new HashSet<>();
    private Map<String, Long> lastFrame = Map.of();
    private Map<String, Long> lastWindow = Map.of();

    /**
     * @param trackerUpstream whether a tracker feeds this counter: then untracked objects are tracks not yet
     *                        confirmed, which the window counts once they are, by their id
     */
    public CounterRuntime(String nodeId, EffectiveSettings s, boolean trackerUpstream) {
        this.trackerUpstream = trackerUpstream;
        this.labels = new java.util.LinkedHashSet<>(s.strings(CounterNode.LABELS));
        this.windowMillis = s.integer(CounterNode.WINDOW_SECONDS) * 1000L;
        this.threshold = s.integer(CounterNode.THRESHOLD);
        this.onWindow = CounterNode.ON_WINDOW.equals(s.text(CounterNode.THRESHOLD_ON));
        this.emitCounts = s.bool(CounterNode.EMIT_COUNTS);
        this.ids = new EventIds(nodeId);
    }

    @Override
    public Frame process(Frame frame) {
        Map<String, Long> perFrame = new TreeMap<>();
        labels.forEach(l -> perFrame.put(l, 0L));
        long now = frame.timestampMillis();
        Map<String, Integer> untracked = new HashMap<>();
        for (DetectedObject o : frame.objects()) {
            if (!labels.isEmpty() && !labels.contains(o.label())) {
                continue;
            }
            perFrame.merge(o.label(), 1L, Long::sum);
            if (o.tracking() != null) {
                window.computeIfAbsent(o.label(), k -> new LabelWindow()).see(o.tracking().trackingId(), now);
            } else if (!trackerUpstream) {
                untracked.merge(o.label(), 1, Integer::sum);
            }
        }
        untracked.forEach((label, n) -> window.computeIfAbsent(label, k -> new LabelWindow()).untracked(n, now));
        Map<String, Long> perWindow = new TreeMap<>();
        perFrame.keySet().forEach(l -> perWindow.put(l, 0L));
        window.forEach((label, w) -> {
            long c = w.count(now, windowMillis);
            if (c > 0 || perWindow.containsKey(label)) {
                perWindow.put(label, c);
            }
        });
        lastFrame = Map.copyOf(perFrame);
        lastWindow = Map.copyOf(perWindow);

        List<FrameEvent> events = new ArrayList<>();
        if (threshold > 0) {
            (onWindow ? perWindow : perFrame).forEach((label, count) -> {
                if (count >= threshold && above.add(label)) {
                    Map<String, String> p = new LinkedHashMap<>();
                    p.put("label", label);
                    p.put("count", Long.toString(count));
                    p.put("threshold", Long.toString(threshold));
                    p.put("scope", onWindow ? CounterNode.ON_WINDOW : CounterNode.ON_FRAME);
                    events.add(new FrameEvent("count-threshold", ids.next(), relatedIds(frame, label), p, now));
                } else if (count < threshold) {
                    above.remove(label);
                }
            });
        }
        if (emitCounts) {
            Map<String, String> p = new LinkedHashMap<>();
            perFrame.forEach((label, c) -> p.put("count." + label, Long.toString(c)));
            perWindow.forEach((label, c) -> p.put("window." + label, Long.toString(c)));
            events.add(new FrameEvent("object-count", ids.next(), List.of(), p, now));
        }
        return events.isEmpty() ? frame : frame.plusEvents(events);
    }

    private static List<String> relatedIds(Frame frame, String label) {
        return frame.objects().stream()
                .filter(o -> o.label().equals(label) && o.tracking() != null)
                .map(o -> o.tracking().trackingId()).toList();
    }

    /** Counts per label in the last frame processed. */
    public Map<String, Long> frameCounts() {
        return lastFrame;
    }

    /** Counts per label over the window ending at the last frame processed. */
    public Map<String, Long> windowCounts() {
        return lastWindow;
    }
}
