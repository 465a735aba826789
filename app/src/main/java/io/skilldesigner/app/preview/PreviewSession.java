package io.skilldesigner.app.preview;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.SkillBuildException;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.LatestFrame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.recording.SkillChecksum;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.ExportMessage;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.SourceState;

/**
 * One preview run, decoupled from the display: the engine's threads only drop the newest frame into a slot and
 * queue export messages; the page takes the newest frame when it paints (so a slow display never slows
 * inference, and slow inference never freezes the display). No JavaFX in here, so it is testable headless.
 */
public final class PreviewSession implements AutoCloseable {
    private static final int MESSAGE_BACKLOG = 1000;

    private final Engine engine;
    private final LatestFrame latestOutput = new LatestFrame();
    private final LatestFrame latestWatched = new LatestFrame();
    private final AtomicReference<String> watchedNode = new AtomicReference<>();
    private final AtomicLong outputFrames = new AtomicLong();
    private final AtomicLong droppedMessages = new AtomicLong();
    private final BlockingQueue<ExportMessage> messages = new ArrayBlockingQueue<>(MESSAGE_BACKLOG);
    private final AtomicReference<String> sourceState = new AtomicReference<>("");
    private final AtomicReference<RunState> runState = new AtomicReference<>(RunState.STARTING);
    private final AtomicReference<String> runMessage = new AtomicReference<>("");
    private final AtomicReference<SessionRecorder> recorder = new AtomicReference<>();
    private final Skill skill;
    private final NodeCatalog catalog;
    private final Map<String, Consumer<Frame>> taps = new ConcurrentHashMap<>();

    private PreviewSession(Skill skill, NodeCatalog catalog, ModelLibrary models, Path workspace,
                           SourceSpec sourceOverride) throws SkillBuildException {
        this.skill = skill;
        this.catalog = catalog;
        Engine.Builder b = Engine.builder(skill).catalog(catalog).models(models).workspace(workspace)
                .identity(RunIdentity.preview(skill.id()))
                .listener(new Listener())
                .messages(m -> {
                    if (!messages.offer(m)) {
                        droppedMessages.incrementAndGet(); // the log is full: keep the engine moving
                    }
                });
        if (sourceOverride != null) {
            b.sourceOverride(sourceOverride);
        }
        engine = b.build();
    }

    /** Builds and starts a run; {@code sourceOverride} null uses the skill's own camera input. */
    public static PreviewSession start(Skill skill, NodeCatalog catalog, ModelLibrary models, Path workspace,
                                       SourceSpec sourceOverride) throws SkillBuildException, NodeStartException {
        PreviewSession s = new PreviewSession(skill, catalog, models, workspace, sourceOverride);
        try {
            s.engine.start();
        } catch (NodeStartException | RuntimeException e) {
            s.close();
            throw e;
        }
        return s;
    }

    private final class Listener implements EngineListener {
        @Override
        public void onNodeOutput(String nodeId, Frame frame) {
            Consumer<Frame> tap = taps.get(nodeId);
            if (tap != null) {
                tap.accept(frame);
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
            if (r != null) {
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
            sourceState.set(state + (message == null || message.isBlank() ? "" : ": " + message));
        }
    }

    /**
     * Hands every output frame of one node to {@code tap}, on the engine's thread (so it must be quick and
     * thread-safe); e.g. to count a zone's or line's events live.
     */
    public void tap(String nodeId, Consumer<Frame> tap) {
        taps.put(nodeId, tap);
    }

    /** Show one node's output instead of the skill's output; null goes back to the skill's output. */
    public void watch(String nodeId) {
        watchedNode.set(nodeId);
        latestWatched.clear();
    }

    public String watchedNode() {
        return watchedNode.get();
    }

    /**
     * The newest frame to display (the watched node's, else the run's output), or null before the first. Its
     * pixels may be recycled once a newer frame comes: use {@link #acquireLatestFrame()} to read them.
     */
    public Frame latestFrame() {
        return watchedNode.get() != null ? latestWatched.get() : latestOutput.get();
    }

    /** {@link #latestFrame()} with its image held for the caller, who releases it when done. */
    public Frame acquireLatestFrame() {
        return watchedNode.get() != null ? latestWatched.acquire() : latestOutput.acquire();
    }

    public long outputFrames() {
        return outputFrames.get();
    }

    /** Takes the export messages queued since the last call. */
    public List<ExportMessage> drainMessages() {
        List<ExportMessage> out = new ArrayList<>();
        messages.drainTo(out);
        return out;
    }

    public long droppedMessages() {
        return droppedMessages.get();
    }

    public List<NodeMetrics> metrics() {
        return engine.metrics();
    }

    public Map<String, Map<String, String>> runtimeInfo() {
        return engine.runtimeInfo();
    }

    public RunState runState() {
        return runState.get();
    }

    public String runMessage() {
        return runMessage.get();
    }

    public String sourceState() {
        return sourceState.get();
    }

    public Engine engine() {
        return engine;
    }

    /**
     * Starts recording the frames the skill processes and their insights into {@code video} (a lossless .mkv;
     * + .insights.jsonl and .manifest.json beside it).
     */
    public SessionRecorder startRecording(Path video) {
        SessionRecorder r = new SessionRecorder(video, new InsightsJson(RunIdentity.preview(skill.id())),
                skill.basics().desiredFps(), skill.id(), SkillChecksum.of(catalog, skill));
        SessionRecorder old = recorder.getAndSet(r);
        if (old != null) {
            stop(old);
        }
        return r;
    }

    /** Stops recording; returns the finished recorder, or null when none was running. */
    public SessionRecorder stopRecording() {
        SessionRecorder r = recorder.getAndSet(null);
        if (r != null) {
            stop(r);
        }
        return r;
    }

    private static void stop(SessionRecorder r) {
        try {
            r.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stopRecording();
        engine.close();
        // the last frames' buffers go back now rather than with the next run's (the display keeps its own copy)
        latestOutput.clear();
        latestWatched.clear();
    }
}
