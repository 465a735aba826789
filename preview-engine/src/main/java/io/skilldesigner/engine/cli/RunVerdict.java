package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Set;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.metrics.RunSummary;
import io.skilldesigner.engine.runtime.NodeState;

/** The exit code of a finished run, with the reason printed: source failure, no output, a failing node. */
final class RunVerdict {
    private RunVerdict() {
    }

    /**
     * @param atEnd         how each node stood when the run ended, before stopping marked them all STOPPED
     * @param sourceFailure the source's permanent failure, or null
     */
    static ExitCode of(RunSummary summary, List<NodeMetrics> atEnd, String sourceFailure, Set<String> sourceNodes,
                       PrintStream err) {
        if (sourceFailure != null) {
            err.println("error: " + sourceFailure);
            return ExitCode.SOURCE_FAILURE;
        }
        if (summary.outputFrames() == 0) {
            err.println("error: no frame came out of the skill");
            return ExitCode.SOURCE_FAILURE;
        }
        for (NodeMetrics m : summary.nodes()) {
            if (ModelNode.ID.equals(m.typeId()) && m.errors() > 0) {
                err.println("error: model node " + m.nodeId() + " failed " + m.errors() + " time(s): " + m.lastError());
                return ExitCode.MODEL_FAILURE;
            }
        }
        for (NodeMetrics m : atEnd) {
            if (sourceNodes.contains(m.nodeId()) || m.errors() == 0) {
                continue;
            }
            if (m.framesIn() > 0 && m.errors() >= m.framesIn()) {
                err.println("error: node " + m.nodeId() + " (" + m.typeId() + ") never worked: all " + m.framesIn()
                        + " frame(s) failed; last error: " + m.lastError());
                return ExitCode.OTHER;
            }
            if (m.state() == NodeState.ERROR) {
                err.println("error: node " + m.nodeId() + " (" + m.typeId() + ") was failing when the run ended: "
                        + m.lastError());
                return ExitCode.OTHER;
            }
        }
        return ExitCode.OK;
    }
}
