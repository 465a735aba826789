package io.skilldesigner.engine.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.TrackingInfo;

/**
 * SORT-style multi-object tracker: each track predicts its box with constant velocity per source frame (using
 * the frames' sequence numbers, so frames the engine skipped count, while capture-time jitter, which is large
 * when a file is replayed unpaced, does not), detections are matched to predictions by IoU (greedily, best
 * overlap first, which is deterministic and equals the Hungarian result whenever overlaps are unambiguous), a
 * track gets an id once matched {@code minHits} frames in a row and ends after {@code maxAge} frames unmatched.
 * Ids are 1, 2, 3... in order of confirmation; the tracking info carries the track's first box ({@code origin}),
 * so a line crossed before confirmation still counts downstream. Not thread-safe: one per node runtime.
 */
public final class SortTracker {
    /** Tracker settings; see the catalog's TrackerNode for their meaning. */
    public record Config(double iouThreshold, int maxAge, int minHits, boolean matchLabels) {
    }

    private static final double VELOCITY_SMOOTHING = 0.5;

    private final Config config;
    private final List<Track> tracks = new ArrayList<>();
    private long nextId = 1;

    public SortTracker(Config config) {
        this.config = config;
    }

    /** Matches this frame's detections to tracks; returns them in the same order, confirmed ones with tracking info. */
    public List<DetectedObject> update(List<DetectedObject> detections, long sequence, long timestampMillis) {
        record Pair(int track, int det, double iou) {
        }
        List<Pair> pairs = new ArrayList<>();
        List<BBox> predicted = tracks.stream().map(t -> t.predict(sequence)).toList();
        for (int ti = 0; ti < tracks.size(); ti++) {
            for (int di = 0; di < detections.size(); di++) {
                DetectedObject d = detections.get(di);
                if (config.matchLabels() && !tracks.get(ti).label.equals(d.label())) {
                    continue;
                }
                double iou = predicted.get(ti).iou(d.bbox());
                if (iou >= config.iouThreshold()) {
                    pairs.add(new Pair(ti, di, iou));
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::iou).reversed()
                .thenComparingInt(Pair::track).thenComparingInt(Pair::det));
        Track[] trackOfDet = new Track[detections.size()];
        boolean[] trackMatched = new boolean[tracks.size()];
        for (Pair p : pairs) {
            if (!trackMatched[p.track()] && trackOfDet[p.det()] == null) {
                trackMatched[p.track()] = true;
                trackOfDet[p.det()] = tracks.get(p.track());
            }
        }
        List<Track> ended = new ArrayList<>();
        for (int ti = 0; ti < tracks.size(); ti++) {
            if (!trackMatched[ti]) {
                Track t = tracks.get(ti);
                t.missed++;
                t.streak = 0;
                // A tentative track that misses was likely a false detection; a confirmed one may come back.
                if (t.id == null || t.missed > config.maxAge()) {
                    ended.add(t);
                }
            }
        }
        tracks.removeAll(ended);
        List<DetectedObject> out = new ArrayList<>(detections.size());
        for (int di = 0; di < detections.size(); di++) {
            DetectedObject d = detections.get(di);
            Track t = trackOfDet[di];
            if (t == null) {
                t = new Track(d.label(), d.bbox(), sequence, timestampMillis);
                tracks.add(t);
            } else {
                t.update(d.bbox(), sequence, timestampMillis);
            }
            if (t.id == null && t.streak >= config.minHits()) {
                t.id = Long.toString(nextId++);
            }
            out.add(t.id == null ? d : d.withTracking(t.info()));
        }
        return out;
    }

    /** Tracks alive now (confirmed or not); for tests and the preview's overlay. */
    public int liveTracks() {
        return tracks.size();
    }

    private static final class Track {
        final String label;
        final BBox origin;
        BBox box;
        long lastSequence;
        long lastMillis;
        /** Velocity of the box centre in frame units per source frame. */
        double vx;
        double vy;
        /** Smoothed capture time between source frames, for the speed in units per second; 0 until known. */
        double secondsPerFrame;
        int streak = 1;
        int hits = 1;
        int missed;
        String id;

        Track(String label, BBox box, long sequence, long millis) {
            this.label = label;
            this.origin = box;
            this.box = box;
            this.lastSequence = sequence;
            this.lastMillis = millis;
        }

        BBox predict(long sequence) {
            long steps = sequence - lastSequence;
            return new BBox((float) (box.l() + vx * steps), (float) (box.t() + vy * steps), box.w(), box.h());
        }

        void update(BBox measured, long sequence, long millis) {
            long steps = sequence - lastSequence;
            if (steps > 0) {
                double mvx = (measured.centerX() - box.centerX()) / steps;
                double mvy = (measured.centerY() - box.centerY()) / steps;
                // The first measurement sets the velocity; later ones are smoothed against detector jitter.
                vx = hits == 1 ? mvx : VELOCITY_SMOOTHING * vx + (1 - VELOCITY_SMOOTHING) * mvx;
                vy = hits == 1 ? mvy : VELOCITY_SMOOTHING * vy + (1 - VELOCITY_SMOOTHING) * mvy;
                double spf = (millis - lastMillis) / 1000.0 / steps;
                if (spf > 0) {
                    secondsPerFrame = secondsPerFrame == 0 ? spf : 0.8 * secondsPerFrame + 0.2 * spf;
                }
            }
            box = measured;
            lastSequence = sequence;
            lastMillis = millis;
            hits++;
            streak++;
            missed = 0;
        }

        TrackingInfo info() {
            double perFrame = Math.hypot(vx, vy);
            float dx = perFrame == 0 ? 0f : (float) (vx / perFrame);
            float dy = perFrame == 0 ? 0f : (float) (vy / perFrame);
            double speed = secondsPerFrame == 0 ? 0 : perFrame / secondsPerFrame;
            return new TrackingInfo(id, (float) speed, dx, dy, origin);
        }
    }
}
