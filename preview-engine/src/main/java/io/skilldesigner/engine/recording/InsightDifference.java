package io.skilldesigner.engine.recording;

/**
 * One way the replayed insights differ from the golden ones.
 *
 * @param frame   0-based line of the insights (the recording's frame index)
 * @param frameId the frame's id (the source's sequence number)
 * @param object  the golden (else replayed) object concerned, described, or empty for the frame as a whole
 * @param what    what changed, e.g. {@code confidence 0.910 -> 0.620 (tolerance 0.020)}
 */
public record InsightDifference(int frame, String frameId, String object, String what) {
    public String describe() {
        return "frame " + frame + " (id " + frameId + ")" + (object.isEmpty() ? "" : " " + object) + ": " + what;
    }
}
