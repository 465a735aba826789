package io.skilldesigner.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.metrics.LatencyWindow;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.source.SourceSpec;

/**
 * One skill on several sources at once (KAN deploys one skill to many cameras): one {@link Engine} per source,
 * all built from builders that share one runtime registry, so model nodes of every stream share one ONNX Runtime
 * session per model file (its fair gate makes streams take turns). Each stream's output latency (capture to
 * output) is recorded for the summary.
 */
public final class StreamGroup implements AutoCloseable {
    /** One source and its engine. */
    public record Stream(String id, SourceSpec source, Engine engine, LatencyRecorder latency) {
    }

    private final List<Stream> streams;

    private StreamGroup(List<Stream> streams) {
        this.streams = List.copyOf(streams);
    }

    /**
     * Builds one engine per source. {@code builders} gives stream i's builder (share the registry among them);
     * the group sets its source override and a listener that records latency before calling the caller's.
     *
     * @param sources   one per stream; a null entry runs the skill's own camera input (the preview's default)
     * @param listeners stream i's own listener (e.g. insights out), may return a no-op
     */
    public static StreamGroup build(List<SourceSpec> sources, BiFunction<Integer, SourceSpec, Engine.Builder> builders,
                                    BiFunction<Integer, String, EngineListener> listeners) throws SkillBuildException {
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("a stream group needs at least one source");
        }
        List<Stream> out = new ArrayList<>();
        try {
            for (int i = 0; i < sources.size(); i++) {
                String id = streamId(i);
                LatencyRecorder latency = new LatencyRecorder();
                EngineListener own = listeners.apply(i, id);
                Engine engine = builders.apply(i, sources.get(i)).sourceOverride(sources.get(i))
                        .listener(latency.then(own)).build();
                out.add(new Stream(id, engine.sources().get(0), engine, latency));
            }
        } catch (SkillBuildException | RuntimeException e) {
            out.forEach(s -> s.engine().close());
            throw e;
        }
        return new StreamGroup(out);
    }

    /** Stream i's id ({@code stream1}, {@code stream2}, ... in the order the sources are given). */
    public static String streamId(int index) {
        return "stream" + (index + 1);
    }

    public List<Stream> streams() {
        return streams;
    }

    /** Starts every stream; if one cannot start, the ones started are stopped and the failure thrown. */
    public void start() throws NodeStartException {
        for (Stream s : streams) {
            try {
                s.engine().start();
            } catch (NodeStartException | RuntimeException e) {
                close();
                throw e;
            }
        }
    }

    /** Waits until every stream ended by itself or was stopped; false on timeout. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Stream s : streams) {
            long left = Math.max(0, deadline - System.nanoTime());
            if (!s.engine().awaitCompletion(Duration.ofNanos(left))) {
                return false;
            }
        }
        return true;
    }

    /** Per-stream fps, drops and latency, the aggregate and fairness. */
    public StreamSummary summary() {
        List<StreamSummary.Row> rows = new ArrayList<>();
        for (Stream s : streams) {
            var sum = s.engine().summary();
            long drops = sum.nodes().stream().mapToLong(m -> m.drops()).sum();
            rows.add(new StreamSummary.Row(s.id(), s.source().describe(), sum.outputFrames(), sum.fps(), drops,
                    s.latency().percentileMillis(50), s.latency().percentileMillis(95), sum.seconds()));
        }
        return new StreamSummary(rows);
    }

    /** Stops every stream (safe from any thread, more than once); summaries stay readable. */
    public void stop() {
        streams.forEach(s -> s.engine().stop());
    }

    @Override
    public void close() {
        streams.forEach(s -> s.engine().close());
    }

    /**
     * Capture-to-output latency of one stream's latest output frames (frame stamp to the output call); a window,
     * so a stream that runs for days (a preview, the edge) keeps a fixed amount of memory.
     */
    public static final class LatencyRecorder implements EngineListener {
        private static final int WINDOW = 4096;
        private final LatencyWindow window = new LatencyWindow(WINDOW);

        EngineListener then(EngineListener next) {
            LatencyRecorder self = this;
            return new EngineListener() {
                @Override
                public void onNodeOutput(String nodeId, Frame frame) {
                    next.onNodeOutput(nodeId, frame);
                }

                @Override
                public void onOutput(Frame frame) {
                    self.onOutput(frame);
                    next.onOutput(frame);
                }

                @Override
                public void onRunState(RunState state, String message) {
                    next.onRunState(state, message);
                }

                @Override
                public void onSourceState(String nodeId, io.skilldesigner.engine.source.SourceState state,
                                          String message) {
                    next.onSourceState(nodeId, state, message);
                }
            };
        }

        @Override
        public void onOutput(Frame frame) {
            window.add(TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - frame.timestampMillis()));
        }

        public double percentileMillis(int p) {
            return window.percentileMillis(p);
        }
    }
}
