package io.skilldesigner.engine.export;

import java.time.Duration;

import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.NodeStatusListener;

/**
 * Keeps trying one item with exponential backoff while its target is down, the node in ERROR with the cause
 * meanwhile and RUNNING again after the first success. Holding the item makes the export's bounded
 * {@link ExportQueue} fill up, so a long outage drops new items (counted) instead of growing memory. Interrupted
 * (the queue closing) it gives up and the item counts as failed.
 */
final class RetryingSender<T> implements ExportQueue.Sender<T> {
    private final String nodeId;
    private final ExportQueue.Sender<T> target;
    private final NodeStatusListener status;
    private final Duration first;
    private final Duration max;
    private boolean inError;

    RetryingSender(String nodeId, ExportQueue.Sender<T> target, NodeStatusListener status, Duration first,
                   Duration max) {
        this.nodeId = nodeId;
        this.target = target;
        this.status = status == null ? NodeStatusListener.NONE : status;
        this.first = first;
        this.max = max;
    }

    @Override
    public void send(T item) throws Exception {
        long delay = first.toMillis();
        while (true) {
            try {
                target.send(item);
                if (inError) {
                    inError = false;
                    status.onStatus(nodeId, NodeState.RUNNING, "sending again");
                }
                return;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                inError = true;
                status.onStatus(nodeId, NodeState.ERROR, ExportQueue.describe(e) + "; retrying in " + delay + " ms");
                Thread.sleep(delay);
                delay = Math.min(delay * 2, max.toMillis());
            }
        }
    }
}
