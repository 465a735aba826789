package io.skilldesigner.app.preview;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Function;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.Screenshots;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.SavedTests;
import io.skilldesigner.engine.source.SourceSpec;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import javafx.util.Duration;

/**
 * Live Preview: pick a skill and a source, run it, and watch the video with overlays, per-node timings, the
 * execution provider of each model and every message the exports send.
 * <p>
 * The page owns the run (start, stop, the refresh timers, recording and "Save as test"); what is on screen is
 * made by its panels: {@link PreviewToolbar}, {@link VideoView}, {@link GraphPanel}, {@link MetricsPanel} and
 * {@link MessageLogPanel}.
 */
public final class PreviewPage implements Page {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final PreviewToolbar toolbar;
    private final VideoView video;
    private final GraphPanel graph;
    private final MetricsPanel metrics = new MetricsPanel();
    private final MessageLogPanel messages = new MessageLogPanel();
    private final StreamsPanel streams = new StreamsPanel(this::showStream);
    private final StreamPicker picker = new StreamPicker(this::showStream);
    private final Tab streamsTab = new Tab("Streams", streams.view());
    private final Timeline metricsTimer;
    private final AnimationTimer displayTimer;

    private PreviewSession session;
    /** The last finished recording and the skill it was made with; what "Save as test" turns into a test. */
    private volatile LastRecording lastRecording;

    private record LastRecording(Skill skill, RecordingFiles files) {
    }

    public PreviewPage(AppContext ctx) {
        this.ctx = ctx;
        toolbar = new PreviewToolbar(new PreviewToolbar.Actions(this::start, this::stop, this::snapshot,
                this::toggleRecording, this::saveAsTest));
        video = new VideoView(toolbar::setFps);
        graph = new GraphPanel(ctx.catalog(), ctx.workspace().modelLibrary(), nodeId -> {
            if (session != null) {
                session.watch(nodeId);
            }
        });
        root.setId("preview-page");
        root.setTop(toolbar.view());
        BorderPane videoArea = new BorderPane(video.view());
        videoArea.setTop(picker.view());
        root.setCenter(videoArea);
        root.setRight(graph.view());
        root.setBottom(bottomTabs());
        metricsTimer = new Timeline(new KeyFrame(Duration.millis(500), e -> refreshMetrics()));
        metricsTimer.setCycleCount(Timeline.INDEFINITE);
        displayTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                PreviewSession s = session;
                if (s != null) {
                    video.paint(now, s);
                }
            }
        };
        // another skill: nothing of the previous one (frame, overlay, fps, messages, timings, graph) stays on screen
        toolbar.skillBox().valueProperty().addListener((o, old, now) -> {
            if (now != null && (old == null || !old.id().equals(now.id()))) {
                switchTo(now);
            }
        });
    }

    private Node bottomTabs() {
        TabPane tabs = new TabPane(new Tab("Timing", metrics.view()), streamsTab, new Tab("Messages", messages.view()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(260);
        SplitPane.setResizableWithParent(tabs, false);
        return tabs;
    }

    /** Stops any run and clears every trace of the previous skill, then shows the new skill's graph. */
    private void switchTo(Skill skill) {
        stop();
        video.clear();
        toolbar.setState("Stopped");
        toolbar.hideProviders();
        messages.clear();
        metrics.clear(skill);
        streams.clear();
        picker.clear();
        graph.show(skill);
    }

    @Override
    public String id() {
        return "preview";
    }

    @Override
    public String title() {
        return "Live Preview";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        reloadSkills();
    }

    private void reloadSkills() {
        try {
            List<Skill> skills = ctx.workspace().listSkills().items();
            Skill selected = toolbar.skillBox().getValue();
            String wanted = ctx.currentSkillIdProperty().get() != null ? ctx.currentSkillIdProperty().get()
                    : selected != null ? selected.id() : null;
            toolbar.showSkills(skills, wanted);
        } catch (IOException e) {
            toolbar.setState("Cannot list skills: " + e.getMessage());
        }
    }

    /** Replaces the file dialog of "Video file…" (tests). */
    public void setVideoFileChooser(Function<Window, File> chooser) {
        toolbar.setVideoFileChooser(chooser);
    }

    /** Adds a source the next run also runs on, as "+ Source" does (the app's {@code --add-source}). */
    public void addSource(SourceSpec source) {
        toolbar.addSource(source);
    }

    /** Starts the selected skill; public so tests and the Skills page can trigger it. */
    public void start() {
        Skill skill = toolbar.skillBox().getValue();
        if (skill == null) {
            toolbar.setState("Pick a skill first");
            return;
        }
        boolean[] cancelled = {false};
        List<SourceSpec> sources = toolbar.pickedSources(cancelled);
        if (cancelled[0]) {
            return;
        }
        switchTo(skill); // a fresh start: nothing of an earlier run stays on screen
        toolbar.starting();
        toolbar.setState("Starting…");
        ctx.currentSkillIdProperty().set(skill.id());
        video.setOverlay(new Overlay(skill, ctx.catalog()));
        ctx.tasks().run("Starting " + skill.name() + "…", p -> PreviewSession.startStreams(skill, ctx.catalog(),
                ctx.workspace().modelLibrary(), ctx.workspace().root(), sources), started -> {
            session = started;
            List<StreamStatus> all = started.streams();
            picker.showStreams(all.stream().map(StreamStatus::streamId).toList(),
                    all.stream().map(x -> x.shortSource()).toList());
            if (all.size() > 1) {
                streamsTab.getTabPane().getSelectionModel().select(streamsTab);
            }
            toolbar.running();
            video.startCounting();
            displayTimer.start();
            metricsTimer.play();
            refreshMetrics();
        }, failure -> {
            toolbar.startable();
            String msg = failure == null ? "unknown error" : failure.getMessage();
            toolbar.setState("Could not start");
            Alert a = new Alert(Alert.AlertType.ERROR, msg);
            a.setHeaderText("The skill could not start");
            a.show();
        });
    }

    /** Shows stream {@code index} of the run: its video, overlay, node timings and providers. */
    private void showStream(int index) {
        PreviewSession s = session;
        if (s == null || index == s.shownStream() || index >= s.streamCount()) {
            return;
        }
        s.show(index);
        picker.select(index);
        metrics.clear(s.engine().skill()); // the chart's lines were the other stream's
        refreshMetrics();
    }

    /** Stops the run if one is going. */
    public void stop() {
        displayTimer.stop();
        metricsTimer.stop();
        if (session != null) {
            PreviewSession s = session;
            session = null;
            ctx.tasks().submit(s::close);
            toolbar.setState("Stopped");
        }
        toolbar.stopped();
    }

    private void refreshMetrics() {
        PreviewSession s = session;
        if (s == null) {
            return;
        }
        RunState state = s.runState();
        String src = s.sourceState();
        Skill running = s.engine().skill();
        // the engine speaks of the skill by id; the user knows it by name
        String message = s.runMessage().replace(running.id(), "'" + running.name() + "'");
        List<StreamStatus> all = s.streams();
        // several streams: the line speaks of the one shown and names any other that failed, with why
        String shown = all.size() > 1 ? all.get(s.shownStream()).streamId() + ": " : "";
        StringBuilder others = new StringBuilder();
        for (int i = 0; i < all.size(); i++) {
            if (i != s.shownStream() && all.get(i).failed()) {
                others.append(" · ").append(all.get(i).streamId()).append(" failed: ").append(all.get(i).message());
            }
        }
        toolbar.setState(shown + state + (message.isBlank() ? "" : " — " + message)
                + (src.isBlank() ? "" : " · source " + src) + others);
        streams.update(all, s.shownStream());
        List<NodeMetrics> now = s.metrics();
        metrics.update(now);
        graph.update(now);
        messages.add(s.drainMessages());
        toolbar.showProviders(s.runtimeInfo());
        if (s.allEnded()) {
            toolbar.startable();
        }
    }

    private void snapshot() {
        String name = "snapshot-" + LocalDateTime.now().format(STAMP) + ".png";
        Path file = ctx.workspace().root().resolve("snapshots").resolve(name);
        try {
            Screenshots.saveImage(video.snapshot(), file);
            ctx.statusBar().setText("Snapshot saved to " + file);
        } catch (IOException e) {
            ctx.statusBar().setText("Snapshot failed: " + e.getMessage());
        }
    }

    private void toggleRecording() {
        PreviewSession s = session;
        if (s == null) {
            toolbar.cancelRecording();
            return;
        }
        if (toolbar.recordingWanted()) {
            String stamp = LocalDateTime.now().format(STAMP);
            Path file = ctx.workspace().root().resolve(SavedTests.RECORDINGS_DIR)
                    .resolve(s.engine().skill().id() + "-" + stamp + RecordingFiles.VIDEO_EXTENSION);
            s.startRecording(file);
            ctx.statusBar().setText("Recording to " + file);
        } else {
            ctx.tasks().runQuietly(p -> s.stopRecording(), r -> {
                if (r == null) {
                    return;
                }
                boolean usable = r.error().isEmpty() && r.written() > 0;
                if (usable) {
                    lastRecording = new LastRecording(s.engine().skill(), r.files());
                }
                ctx.statusBar().setText(r.error().isEmpty()
                        ? "Recorded " + r.written() + " frames to " + r.video() + " (+ insights JSONL; "
                        + r.dropped() + " skipped)" : r.error());
                toolbar.setSaveTestEnabled(usable);
            }, failure -> ctx.statusBar().setText("Recording could not be finished: " + failure.getMessage()));
        }
    }

    private void saveAsTest() {
        LastRecording rec = lastRecording;
        if (rec == null) {
            return;
        }
        toolbar.setSaveTestEnabled(false);
        TestSaver saver = new TestSaver(ctx.catalog(), ctx.workspace());
        ctx.statusBar().setText("Saving a test from " + rec.files().video().getFileName() + "...");
        ctx.tasks().runQuietly(p -> saver.save(rec.skill(), rec.files()), result -> {
            ctx.statusBar().setText("Test saved: " + result.frames() + " frames of expected insights in "
                    + result.golden() + "; run it with: " + saver.command(rec.skill(), rec.files()));
            toolbar.setSaveTestEnabled(true);
        }, failure -> {
            ctx.statusBar().setText("Save as test failed: " + failure.getMessage());
            toolbar.setSaveTestEnabled(true);
        });
    }

    /** For tests: the frames painted so far. */
    public long displayedFrames() {
        return video.displayedFrames();
    }

    /** For tests: the running session, or null. */
    public PreviewSession session() {
        return session;
    }

    /** Selects a skill by id (e.g. from the Skills page's Preview button). */
    public void select(String skillId) {
        ctx.currentSkillIdProperty().set(skillId);
        reloadSkills();
    }
}
