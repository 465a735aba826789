package io.skilldesigner.engine.recording;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.NodeStartException;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.SkillBuildException;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.source.FrameRotation;
import io.skilldesigner.engine.source.FrameStamps;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.SourceState;

/**
 * Replays a recording through a skill deterministically: every frame of the recording (unpaced, lossless, in
 * order), each stamped with the sequence number and time it had when recorded, so the tracker's ages and speeds
 * and the counters' windows come out as they did. Every camera input of the skill reads the recording.
 */
public final class RecordingReplay {
    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final NodeCatalog catalog;
    private final ModelLibrary models;
    private final Path workspace;

    public RecordingReplay(NodeCatalog catalog, ModelLibrary models, Path workspace) {
        this.catalog = catalog;
        this.models = models;
        this.workspace = workspace;
    }

    /** The insights of the replay, one JSON line per frame, in order. */
    public List<String> run(Skill skill, RecordingFiles recording)
            throws IOException, SkillBuildException, NodeStartException, ReplayException {
        if (!Files.isRegularFile(recording.video())) {
            throw new ReplayException("recording video not found: " + recording.video());
        }
        FrameStamps stamps = recordedStamps(recording);
        InsightsJson json = new InsightsJson(RunIdentity.preview(skill.id()));
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        AtomicReference<String> sourceFailure = new AtomicReference<>();
        EngineListener listener = new EngineListener() {
            @Override
            public void onOutput(Frame frame) {
                lines.add(json.toJson(frame));
            }

            @Override
            public void onSourceState(String nodeId, SourceState state, String message) {
                if (state == SourceState.FAILED) {
                    sourceFailure.compareAndSet(null, message);
                }
            }
        };
        try (NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard();
             Engine engine = Engine.builder(skill).catalog(catalog).registry(registry).models(models)
                     .workspace(workspace).sourceOverride(SourceSpec.file(recording.video().toString(), false)
                             .withTurn(FrameRotation.NONE)) // recorded as the skill saw them: turned already
                     .paced(false).lossless(true).frameStamps(stamps).listener(listener).build()) {
            engine.start();
            try {
                if (!engine.awaitCompletion(TIMEOUT)) {
                    throw new ReplayException("the replay did not end within " + TIMEOUT.toMinutes() + " minutes");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ReplayException("interrupted");
            }
            if (sourceFailure.get() != null) {
                throw new ReplayException(sourceFailure.get());
            }
            if (engine.state() == RunState.FAILED) {
                throw new ReplayException(engine.stateMessage());
            }
            for (NodeMetrics m : engine.metrics()) {
                if (m.errors() > 0) {
                    throw new ReplayException("node " + m.nodeId() + " failed " + m.errors() + " time(s) during the"
                            + " replay: " + m.lastError());
                }
            }
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }

    /**
     * The stamps recorded with the frames (from the recording's insights); frames beyond them continue the
     * sequence at the manifest's frame rate. Without recorded insights, frames are 0, 1, 2... from time 0.
     */
    static FrameStamps recordedStamps(RecordingFiles recording) throws IOException {
        List<FrameStamps.Stamp> recorded = new ArrayList<>();
        if (Files.isRegularFile(recording.insights())) {
            int n = 0;
            for (String line : Files.readAllLines(recording.insights(), StandardCharsets.UTF_8)) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                InsightFrame f;
                try {
                    f = InsightFrame.parse(line);
                } catch (IllegalArgumentException e) {
                    throw new IOException(recording.insights() + " line " + n + ": " + e.getMessage(), e);
                }
                recorded.add(new FrameStamps.Stamp(sequence(f.frameId(), recorded.size()), f.timestampMillis()));
            }
        }
        double fps = Files.isRegularFile(recording.manifest())
                ? RecordingManifest.read(recording.manifest()).fps() : 15;
        long frameMillis = Math.max(1, Math.round(1000 / Math.max(fps, 0.001)));
        List<FrameStamps.Stamp> known = List.copyOf(recorded);
        return (index, clockMillis) -> {
            if (index < known.size()) {
                return known.get((int) index);
            }
            FrameStamps.Stamp last = known.isEmpty() ? new FrameStamps.Stamp(-1, -frameMillis)
                    : known.get(known.size() - 1);
            long after = index - known.size() + 1;
            return new FrameStamps.Stamp(last.sequence() + after, last.timestampMillis() + after * frameMillis);
        };
    }

    private static long sequence(String frameId, long fallback) {
        try {
            return Long.parseLong(frameId);
        } catch (NumberFormatException e) {
            // frame ids from another producer need not be numbers; the position in the file serves
            return fallback;
        }
    }

    /** The replay could not run to the end; the message says why. */
    public static final class ReplayException extends Exception {
        private static final long serialVersionUID = 1L;

        public ReplayException(String message) {
            super(message);
        }
    }
}
