package io.skilldesigner.engine.export;

/**
 * What an export did with the items handed to it. Every accepted item ends as exactly one of sent, failed or
 * dropped (or is still queued/in flight).
 *
 * @param accepted items handed to the export's queue attempt (after gating)
 * @param sent     delivered to the target
 * @param failed   given up after the send (and its retries) failed: the target was down
 * @param dropped  never sent because the queue was full: the target was too slow
 * @param queued   waiting or in flight now
 */
public record ExportCounters(long accepted, long sent, long failed, long dropped, int queued) {
    /** Items that will never reach the target. */
    public long lost() {
        return failed + dropped;
    }
}
