package io.skilldesigner.app.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.SkillBuildException;
import io.skilldesigner.engine.StreamGroup;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.LatestFrame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.metrics.StreamSummary;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.model.threads.ThreadTuner;
import io.skilldesigner.engine.recording.SkillChecksum;
import io.skilldesigner.engine.runtime.ExportMessage;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.SourceState;

/**
 * One preview run, decoupled from the display: the engine's threads only drop the newest frame into a slot and
 * queue export messages; the page takes the newest frame when it paints (so a slow display never slows
 * inference, and slow inference never freezes the display). No JavaFX in here, so it is testable headless.
 * <p>
 * A run has one stream per source, as {@code run --source A --source B} on the command line: a {@link StreamGroup}
 * whose engines share one model session per model file. One stream is <em>shown</em> (its frames, node timings and
 * providers); every stream's figures are in {@link #streams()}. A stream whose source fails ends alone.
 */
public final class PreviewSession implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(PreviewSession.class.getName());
    private static final int MESSAGE_BACKLOG = 1000;

    private final StreamGroup group;
    private final ModelSessions sessions;
    private final NodeRuntimeRegistry registry;
    private final List<StreamView> views = new ArrayList<>();
    private final AtomicInteger shown = new AtomicInteger();
    private final AtomicReference<String> watchedNode = new AtomicReference<>();
    private final AtomicLong droppedMessages = new AtomicLong();
    private final BlockingQueue<ExportMessage> messages = new ArrayBlockingQueue<>(MESSAGE_BACKLOG);
    private final AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
    /** The stream being recorded (the one shown when recording started). */
    private volatile int recorded;
    private final Skill skill;
    private final NodeCatalog catalog;
    private final Map<String, Consumer<Frame>> taps = new ConcurrentHashMap<>();

    private PreviewSession(Skill skill, NodeCatalog catalog, ModelLibrary models, Path workspace,
                           List<SourceSpec> sources) throws SkillBuildException {
        this.skill = skill;
        this.catalog = catalog;
        for (int i = 0; i < sources.size(); i++) {
            views.add(new StreamView(i));
        }
        // one registry for every stream: one ONNX Runtime session per model file, its fair gate shared; threads
        // measured as `run` measures them on a device (once per model and machine, then cached), so a model node
        // keeps as many frames in flight as measured fastest and the preview runs as fast as the edge
        sessions = new ModelSessions(SessionSettings.defaults(),
                ThreadTuner.standard(w -> LOG.log(System.Logger.Level.WARNING, w)), sources.size());
        registry = NodeRuntimeRegistry.standard(new ModelRuntimeFactory(sessions));
        boolean several = sources.size() > 1;
        try {
            group = StreamGroup.build(sources, (i, source) -> Engine.builder(skill).catalog(catalog)
                    .registry(registry).models(models).workspace(workspace)
                    // one stream is the preview; several are told apart as KAN tells cameras apart
                    .identity(several ? new RunIdentity(StreamGroup.streamId(i), skill.id(), "designer")
                            : RunIdentity.preview(skill.id()))
                    .messages(m -> {
                        if (!messages.offer(m)) {
                            droppedMessages.incrementAndGet(); // the log is full: keep the engine moving
                        }
                    }), (i, id) -> views.get(i));
        } catch (SkillBuildException | RuntimeException e) {
            closeModels();
            throw e;
        }
    }

    /** Builds and starts a run on one source; {@code sourceOverride} null uses the skill's own camera input. */
    public static PreviewSession start(Skill skill, NodeCatalog catalog, ModelLibrary models, Path workspace,
                                       SourceSpec sourceOverride) throws SkillBuildException, NodeStartException {
        return startStreams(skill, catalog, models, workspace, Collections.singletonList(sourceOverride));
    }

    /**
     * Builds and starts a run with one stream per source (a null entry is the skill's own camera input); the first
     * stream is shown.
     */
    public static PreviewSession startStreams(Skill skill, NodeCatalog catalog, ModelLibrary models,
                                              Path workspace, List<SourceSpec> sources) throws SkillBuildException, NodeStartException {
        PreviewSession s = new PreviewSession(skill, catalog, models, workspace, sources);
        try {
            s.group.start();
        } catch (NodeStartException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    /** What the page needs of one stream: its newest frames, counters and states, written by its engine. */
    private final class StreamView implements EngineListener {
        private final int index;
        private final LatestFrame latestOutput = new LatestFrame();
        private final LatestFrame latestWatched = new LatestFrame();
        private final AtomicLong outputFrames = new AtomicLong();
        private final AtomicReference<String> sourceState = new AtomicReference<>("");
        private final AtomicReference<SourceState> sourceKind = new AtomicReference<>(SourceState.CONNECTING);
        private final AtomicReference<RunState> runState = new AtomicReference<>(RunState.STARTING);
        private final AtomicReference<String> runMessage = new AtomicReference<>("");

        StreamView(int index) {
            this.index = index;
        }

        @Override
        public void onNodeOutput(String nodeId, Frame frame) {
            if (index == shown.get()) {
                Consumer<Frame> tap = taps.get(nodeId);
                if (tap != null) {
                    tap.accept(frame);
                }
            }
            if (nodeId.equals(watchedNode.get())) {
                latestWatched.set(frame);
            }
        }

        @Override
        public void onOutput(Frame frame) {
            latestOutput.set(frame);
            outputFrames.incrementAndGet();
            SessionRecorder r = recorder.get();
            if (r != null && index == recorded) {
                r.offer(frame);
            }
        }

        @Override
        public void onRunState(RunState state, String message) {
            runState.set(state);
            runMessage.set(message == null ? "" : message);
        }

        @Override
        public void onSourceState(String nodeId, SourceState state, String message) {
            sourceKind.set(state);
            sourceState.set(state + (message == null || message.isBlank() ? "" : ": " + message));
        }

        Frame latest() {
            return watchedNode.get() != null ? latestWatched.get() : latestOutput.get();
        }

        Frame acquire() {
            return watchedNode.get() != null ? latestWatched.acquire() : latestOutput.acquire();
        }

        void clear() {
            latestOutput.clear();
            latestWatched.clear();
        }
    }

    private StreamView view() {
        return views.get(shown.get());
    }

    /** How many streams (sources) this run has. */
    public int streamCount() {
        return views.size();
    }

    /** Shows stream {@code index} (0-based): its frames, node timings and providers. */
    public void show(int index) {
        if (index < 0 || index >= views.size()) {
            throw new IllegalArgumentException("no stream " + (index + 1) + " in a run of " + views.size());
        }
        shown.set(index);
    }

    public int shownStream() {
        return shown.get();
    }

    /**
     * Every stream's figures now (fps, drops, capture-to-output latency, frames) with its state and, for one
     * that failed, why.
     */
    public List<StreamStatus> streams() {
        List<StreamSummary.Row> rows = group.summary().rows();
        List<StreamStatus> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            StreamView v = views.get(i);
            RunState state = v.runState.get();
            // a live source's message only repeats the source; reconnecting or failing ones say why
            String message = state == RunState.FAILED ? v.runMessage.get()
                    : v.sourceKind.get() == SourceState.LIVE ? SourceState.LIVE.name() : v.sourceState.get();
            out.add(new StreamStatus(rows.get(i), group.streams().get(i).source(), state, message));
        }
        return out;
    }

    /**
     * Hands every output frame of one node of the shown stream to {@code tap}, on the engine's thread (so it must
     * be quick and thread-safe); e.g. to count a zone's or line's events live.
     */
    public void tap(String nodeId, Consumer<Frame> tap) {
        taps.put(nodeId, tap);
    }

    /** Show one node's output instead of the skill's output; null goes back to the skill's output. */
    public void watch(String nodeId) {
        watchedNode.set(nodeId);
        views.forEach(v -> v.latestWatched.clear());
    }

    public String watchedNode() {
        return watchedNode.get();
    }

    /**
     * The shown stream's newest frame to display (the watched node's, else the run's output), or null before the
     * first. Its pixels may be recycled once a newer frame comes: use {@link #acquireLatestFrame()} to read them.
     */
    public Frame latestFrame() {
        return view().latest();
    }

    /** {@link #latestFrame()} with its image held for the caller, who releases it when done. */
    public Frame acquireLatestFrame() {
        return view().acquire();
    }

    /** Output frames of the shown stream. */
    public long outputFrames() {
        return view().outputFrames.get();
    }

    /** Takes the export messages of every stream queued since the last call. */
    public List<ExportMessage> drainMessages() {
        List<ExportMessage> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    public long droppedMessages() {
        return droppedMessages.get();
    }

    /** The shown stream's node metrics. */
    public List<NodeMetrics> metrics() {
        return engine().metrics();
    }

    /** The shown stream's runtimes (providers per model; the session is shared by every stream). */
    public Map<String, Map<String, String>> runtimeInfo() {
        return engine().runtimeInfo();
    }

    public RunState runState() {
        return view().runState.get();
    }

    public String runMessage() {
        return view().runMessage.get();
    }

    public String sourceState() {
        return view().sourceState.get();
    }

    /** True when every stream has ended (failed, completed or stopped). */
    public boolean allEnded() {
        return views.stream().allMatch(v -> {
            RunState s = v.runState.get();
            return s == RunState.FAILED || s == RunState.COMPLETED || s == RunState.STOPPED;
        });
    }

    /** The shown stream's engine. */
    public Engine engine() {
        return group.streams().get(shown.get()).engine();
    }

    /**
     * Starts recording the frames the shown stream processes and their insights into {@code video} (a lossless
     * .mkv; + .insights.jsonl and .manifest.json beside it).
     */
    public SessionRecorder startRecording(Path video) {
        SessionRecorder r = new SessionRecorder(video, new InsightsJson(RunIdentity.preview(skill.id())),
                skill.basics().desiredFps(), skill.id(), SkillChecksum.of(catalog, skill));
        recorded = shown.get();
        SessionRecorder old = recorder.getAndSet(r);
        if (old != null) {
            old.close();
        }
        return r;
    }

    /** Stops recording; returns the finished recorder, or null when none was running. */
    public SessionRecorder stopRecording() {
        SessionRecorder r = recorder.getAndSet(null);
        if (r != null) {
            r.close();
        }
        return r;
    }

    @Override
    public void close() {
        stopRecording();
        group.close();
        closeModels();
        // the last frames' buffers go back now rather than with the next run's (the display keeps its own copy)
        views.forEach(StreamView::clear);
    }

    private void closeModels() {
        registry.close();
        sessions.close();
    }
}
