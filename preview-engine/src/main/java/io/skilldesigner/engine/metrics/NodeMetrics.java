package io.skilldesigner.engine.metrics;

import io.skilldesigner.engine.runtime.NodeState;

/**
 * A snapshot of one node's counters.
 *
 * @param framesIn   frames the node took from its input
 * @param framesOut  frames it passed downstream (a node that errors passes its input through unchanged)
 * @param drops      frames replaced by a newer one before this node could take them (for a source: frames it
 *                   decoded but the pipeline was too busy to take)
 * @param errors     calls that threw
 * @param p50Millis  median processing time over the recent window (0 before the first frame)
 * @param p95Millis  95th percentile over the same window
 * @param lastError  the latest error message, or empty
 */
public record NodeMetrics(String nodeId, String typeId, NodeState state, long framesIn, long framesOut, long drops,
                          long errors, double p50Millis, double p95Millis, String lastError) {
}
