package io.skilldesigner.app.preview;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.Screenshots;
import io.skilldesigner.app.ui.FxFrames;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.ExportMessage;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.WebcamDevice;
import io.skilldesigner.engine.source.WebcamDevices;
import javafx.animation.AnimationTimer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * Live Preview: pick a skill and a source, run it, and watch the video with overlays, per-node timings, the
 * execution provider of each model and every message the exports send.
 */
public final class PreviewPage implements Page {
    private static final int LOG_LIMIT = 500;
    private static final int CHART_POINTS = 60;

    private final AppContext ctx;
    private final BorderPane root = new BorderPane();
    private final ComboBox<Skill> skillBox = new ComboBox<>();
    private final ComboBox<SourceChoice> sourceBox = new ComboBox<>();
    private final Button startButton = new Button("▶ Start");
    private final Button stopButton = new Button("■ Stop");
    private final Button snapshotButton = new Button("Snapshot");
    private final javafx.scene.control.ToggleButton recordButton = new javafx.scene.control.ToggleButton("● Record");
    private final Button saveTestButton = new Button("Save as test");
    /** The last finished recording and the skill it was made with; what "Save as test" turns into a test. */
    private volatile LastRecording lastRecording;

    private record LastRecording(Skill skill, io.skilldesigner.engine.recording.RecordingFiles files) {
    }
    private final Label stateLabel = new Label("Stopped");
    private final Label fpsLabel = new Label();
    private final Label providerBanner = new Label();
    private final ImageView video = new ImageView();
    private final Canvas overlayCanvas = new Canvas();
    private final StackPane videoPane = new StackPane();
    private final ListView<SkillNode> nodeList = new ListView<>();
    private io.skilldesigner.canvas.SkillEditor miniGraph;
    private final TableView<NodeMetrics> metricsTable = new TableView<>();
    private final javafx.scene.control.TreeItem<String> messageLog = new javafx.scene.control.TreeItem<>("Messages");
    private final LineChart<Number, Number> latencyChart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    private final Map<String, NodeMetrics> metricsById = new HashMap<>();
    private final Map<String, String> nodeNames = new HashMap<>();
    private final FxFrames fxFrames = new FxFrames();
    private final StackPane miniGraphHolder = new StackPane();
    private final Timeline metricsTimer;
    private final AnimationTimer displayTimer;

    private PreviewSession session;
    private java.util.function.Function<javafx.stage.Window, File> videoChooser = PreviewPage::askForVideo;
    private boolean choosingFile;
    private Overlay overlay;
    private Frame shownFrame;
    private double overlayWidth;
    private double overlayHeight;
    private long displayedFrames;
    private long lastFpsNanos;
    private long lastFpsFrames;
    private int tick;

    public PreviewPage(AppContext ctx) {
        this.ctx = ctx;
        root.setId("preview-page");
        root.setTop(toolbar());
        root.setCenter(centre());
        root.setRight(sidePanel());
        root.setBottom(bottomPanel());
        metricsTimer = new Timeline(new KeyFrame(Duration.millis(500), e -> refreshMetrics()));
        metricsTimer.setCycleCount(Timeline.INDEFINITE);
        displayTimer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                paint(now);
            }
        };
        stopButton.setDisable(true);
        snapshotButton.setDisable(true);
        // another skill: nothing of the previous one (frame, overlay, fps, messages, timings, graph) stays on screen
        skillBox.valueProperty().addListener((o, old, now) -> {
            if (now != null && (old == null || !old.id().equals(now.id()))) {
                switchTo(now);
            }
        });
    }

    /** Stops any run and clears every trace of the previous skill, then shows the new skill's graph. */
    private void switchTo(Skill skill) {
        stop();
        shownFrame = null;
        overlay = null;
        video.setImage(null);
        overlayCanvas.getGraphicsContext2D().clearRect(0, 0, overlayCanvas.getWidth(), overlayCanvas.getHeight());
        displayedFrames = 0;
        fpsLabel.setText("");
        stateLabel.setText("Stopped");
        providerBanner.setVisible(false);
        messageLog.getChildren().clear();
        metricsById.clear();
        metricsTable.getItems().clear();
        series.clear();
        latencyChart.getData().clear();
        nodeNames.clear();
        skill.nodes().forEach(n -> nodeNames.put(n.id(), nodeName(n)));
        nodeList.getItems().setAll(skill.nodes());
        showMiniGraph(skill);
    }

    private static String nodeName(SkillNode n) {
        return n.displayName().isBlank() ? n.id() : n.displayName();
    }

    /** A node's name for the tables and the chart (ids only where a node has no name). */
    private String nameOf(String nodeId) {
        return nodeNames.getOrDefault(nodeId, nodeId);
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

    private Node toolbar() {
        Label title = new Label("Live Preview");
        title.getStyleClass().add("page-title");
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        skillBox.setId("preview-skill");
        skillBox.setPromptText("Skill");
        skillBox.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(Skill s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        });
        skillBox.setButtonCell(skillBox.getCellFactory().call(null));
        sourceBox.setId("preview-source");
        sourceBox.setOnShowing(e -> reloadSources());
        reloadSources();
        // "Video file…" asks for the file when it is picked; the run starts only with Start
        sourceBox.valueProperty().addListener((o, old, now) -> {
            if (!choosingFile && now != null && now.spec() != null && now.spec().kind() == SourceSpec.Kind.FILE
                    && now.spec().location().isEmpty()) {
                javafx.application.Platform.runLater(() -> chooseVideoFile(old));
            }
        });
        startButton.setId("preview-start");
        stopButton.setId("preview-stop");
        snapshotButton.setId("preview-snapshot");
        startButton.setDefaultButton(true);
        startButton.setOnAction(e -> start());
        stopButton.setOnAction(e -> stop());
        snapshotButton.setOnAction(e -> snapshot());
        stateLabel.setId("preview-state");
        fpsLabel.setId("preview-fps");
        for (javafx.scene.control.ButtonBase b : List.of(startButton, stopButton, snapshotButton, recordButton)) {
            b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        recordButton.setId("preview-record");
        recordButton.setDisable(true);
        recordButton.setTooltip(new javafx.scene.control.Tooltip("Record the output frames and their insights;"
                + " replay a recording by choosing it as the video file source."));
        recordButton.setOnAction(e -> toggleRecording());
        saveTestButton.setId("preview-save-test");
        saveTestButton.setDisable(true);
        saveTestButton.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        saveTestButton.setTooltip(new javafx.scene.control.Tooltip("Make the last recording a golden insight test:"
                + " the skill's insights on it are saved and checked by 'skill-designer test'."));
        saveTestButton.setOnAction(e -> saveAsTest());
        skillBox.setMinWidth(200);
        sourceBox.setMinWidth(200);
        javafx.scene.layout.FlowPane bar = io.skilldesigner.app.ui.Rows.of(10, title, skillBox, sourceBox, startButton,
                stopButton, snapshotButton, recordButton, saveTestButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        stateLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(stateLabel, Priority.ALWAYS);
        HBox status = new HBox(16, stateLabel, fpsLabel);
        status.setAlignment(Pos.CENTER_LEFT);
        providerBanner.setId("preview-provider");
        providerBanner.getStyleClass().add("provider-banner");
        providerBanner.setMaxWidth(Double.MAX_VALUE);
        providerBanner.setVisible(false);
        providerBanner.managedProperty().bind(providerBanner.visibleProperty());
        VBox top = new VBox(6, bar, status, providerBanner);
        top.setPadding(new Insets(0, 0, 10, 0));
        return top;
    }

    private Node centre() {
        video.setPreserveRatio(true);
        video.setSmooth(true);
        video.setId("preview-video");
        overlayCanvas.setId("preview-overlay");
        overlayCanvas.setMouseTransparent(true);
        Pane canvasHolder = new Pane(overlayCanvas);
        canvasHolder.setMouseTransparent(true);
        videoPane.getChildren().addAll(video, canvasHolder);
        videoPane.setStyle("-fx-background-color: #101317;");
        videoPane.setMinSize(320, 200);
        video.fitWidthProperty().bind(videoPane.widthProperty());
        video.fitHeightProperty().bind(videoPane.heightProperty());
        overlayCanvas.widthProperty().bind(videoPane.widthProperty());
        overlayCanvas.heightProperty().bind(videoPane.heightProperty());
        return videoPane;
    }

    private Node sidePanel() {
        nodeList.setId("preview-nodes");
        nodeList.setPrefWidth(260);
        nodeList.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(SkillNode n, boolean empty) {
                super.updateItem(n, empty);
                getStyleClass().removeAll("badge-ok", "badge-error", "badge-warning");
                if (empty || n == null) {
                    setText(null);
                    setTooltip(null);
                    return;
                }
                NodeMetrics m = metricsById.get(n.id());
                String state = m == null ? "" : switch (m.state()) {
                    case RUNNING -> "●";
                    case ERROR -> "✖";
                    default -> "○";
                };
                setText(state + " " + n.displayName() + "  (" + n.typeId() + ")"
                        + (m == null ? "" : String.format(Locale.ROOT, "  %.1f ms", m.p50Millis())));
                if (m != null) {
                    getStyleClass().add(switch (m.state()) {
                        case RUNNING -> "badge-ok";
                        case ERROR -> "badge-error";
                        default -> "badge-warning";
                    });
                    setTooltip(m.lastError().isBlank() ? null : new javafx.scene.control.Tooltip(m.lastError()));
                }
            }
        });
        nodeList.getSelectionModel().selectedItemProperty().addListener((obs, old, n) -> {
            if (session != null) {
                session.watch(n == null ? null : n.id());
            }
        });
        Button all = new Button("Show skill output");
        all.setOnAction(e -> nodeList.getSelectionModel().clearSelection());
        Label hint = new Label("Click a node in the graph or the list to see only its output and timings.");
        hint.getStyleClass().add("muted");
        hint.setWrapText(true);
        miniGraphHolder.setId("preview-mini-graph");
        miniGraphHolder.setPrefSize(300, 300);
        miniGraphHolder.setMinSize(0, 200);
        miniGraphHolder.setMaxHeight(340);
        javafx.scene.shape.Rectangle clip = new javafx.scene.shape.Rectangle();
        clip.widthProperty().bind(miniGraphHolder.widthProperty());
        clip.heightProperty().bind(miniGraphHolder.heightProperty());
        miniGraphHolder.setClip(clip);
        VBox box = new VBox(6, new Label("Skill"), miniGraphHolder, nodeList, all, hint);
        box.setPadding(new Insets(0, 0, 0, 10));
        box.setPrefWidth(310);
        box.setMinWidth(310);
        box.setMaxWidth(310);
        VBox.setVgrow(nodeList, Priority.ALWAYS);
        nodeList.setPrefHeight(150);
        return box;
    }

    private Node bottomPanel() {
        metricsTable.setId("preview-metrics");
        metricsTable.getColumns().setAll(List.of(
                column("Node", m -> nameOf(m.nodeId())),
                column("State", m -> m.state().name()),
                column("In", m -> Long.toString(m.framesIn())),
                column("Out", m -> Long.toString(m.framesOut())),
                column("Drops", m -> Long.toString(m.drops())),
                column("Errors", m -> Long.toString(m.errors())),
                column("p50 ms", m -> String.format(Locale.ROOT, "%.1f", m.p50Millis())),
                column("p95 ms", m -> String.format(Locale.ROOT, "%.1f", m.p95Millis())),
                column("Last error", m -> m.lastError())));
        metricsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        metricsTable.getColumns().get(0).setPrefWidth(170); // node names ("Insights to IoT Hub") in full
        metricsTable.getColumns().get(0).setMinWidth(150);
        io.skilldesigner.app.ui.Rows.fitting(metricsTable.getColumns().get(1), java.util.Arrays.stream(
                io.skilldesigner.engine.runtime.NodeState.values()).map(Enum::name).toList());
        latencyChart.setId("preview-latency-chart");
        latencyChart.setAnimated(false);
        latencyChart.setCreateSymbols(false);
        latencyChart.setTitle("Latency per node (p50, ms)");
        // one collapsible JSON tree per message, newest first (as Node-RED's debug panel)
        javafx.scene.control.TreeView<String> log = new javafx.scene.control.TreeView<>(messageLog);
        log.setShowRoot(false);
        messageLog.setExpanded(true);
        log.setId("preview-messages");
        log.getStyleClass().add("message-log");
        TabPane tabs = new TabPane(
                new Tab("Timing", timingSplit()),
                new Tab("Messages", log));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.setPrefHeight(260);
        SplitPane.setResizableWithParent(tabs, false);
        return tabs;
    }

    private SplitPane timingSplit() {
        SplitPane split = new SplitPane(metricsTable, latencyChart);
        split.setDividerPositions(0.64); // the table's columns keep their headers readable at 1280 px
        return split;
    }

    private static TableColumn<NodeMetrics, String> column(String name,
                                                          java.util.function.Function<NodeMetrics, String> value) {
        TableColumn<NodeMetrics, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return io.skilldesigner.app.ui.Rows.keepHeader(c);
    }

    private void reloadSkills() {
        try {
            List<Skill> skills = ctx.workspace().listSkills().items();
            Skill selected = skillBox.getValue();
            skillBox.getItems().setAll(skills);
            String wanted = ctx.currentSkillIdProperty().get() != null ? ctx.currentSkillIdProperty().get()
                    : selected != null ? selected.id() : null;
            skills.stream().filter(s -> s.id().equals(wanted)).findFirst()
                    .ifPresentOrElse(skillBox::setValue, () -> {
                        if (!skills.isEmpty() && skillBox.getValue() == null) {
                            skillBox.setValue(skills.get(0));
                        }
                    });
        } catch (IOException e) {
            stateLabel.setText("Cannot list skills: " + e.getMessage());
        }
    }

    private void reloadSources() {
        SourceChoice current = sourceBox.getValue();
        ObservableList<SourceChoice> items = FXCollections.observableArrayList();
        items.add(SourceChoice.fromSkill());
        items.add(new SourceChoice("Video file…", SourceSpec.file("", true)));
        items.add(new SourceChoice("RTSP URL…", SourceSpec.rtsp("rtsp://", "tcp")));
        try {
            for (WebcamDevice d : new WebcamDevices().list()) {
                items.add(new SourceChoice("Webcam: " + d, SourceSpec.webcam(d.toString())));
            }
        } catch (IOException e) {
            // no device list on this machine: the webcam entries are simply absent
            items.add(new SourceChoice("Webcam 0", SourceSpec.webcam("0")));
        }
        if (current != null && current.label().startsWith("File: ")) {
            items.add(2, current); // a file chosen earlier stays on offer
        }
        sourceBox.getItems().setAll(items);
        sourceBox.setValue(current != null && items.contains(current) ? current : items.get(0));
    }

    private void chooseVideoFile(SourceChoice previous) {
        File f = videoChooser.apply(root.getScene() == null ? null : root.getScene().getWindow());
        choosingFile = true;
        try {
            if (f == null) {
                sourceBox.setValue(previous);
                return;
            }
            SourceChoice chosen = new SourceChoice("File: " + f.getName(), SourceSpec.file(f.getAbsolutePath(), true));
            sourceBox.getItems().removeIf(c -> c.label().startsWith("File: "));
            sourceBox.getItems().add(2, chosen);
            sourceBox.setValue(chosen);
        } finally {
            choosingFile = false;
        }
    }

    private static File askForVideo(javafx.stage.Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Video file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Video", "*.mp4", "*.avi", "*.mkv", "*.mov"));
        return fc.showOpenDialog(owner);
    }

    /** Replaces the file dialog of "Video file…" (tests). */
    public void setVideoFileChooser(java.util.function.Function<javafx.stage.Window, File> chooser) {
        videoChooser = java.util.Objects.requireNonNull(chooser, "chooser");
    }

    /** Resolves the picked source, asking for a file or URL when needed; null when the user cancelled. */
    private SourceSpec pickedSource(boolean[] cancelled) {
        SourceChoice c = sourceBox.getValue();
        if (c == null || c.spec() == null) {
            return null;
        }
        if (c.spec().kind() == SourceSpec.Kind.FILE && c.spec().location().isEmpty()) {
            File f = videoChooser.apply(root.getScene().getWindow());
            if (f == null) {
                cancelled[0] = true;
                return null;
            }
            return SourceSpec.file(f.getAbsolutePath(), true);
        }
        if (c.spec().kind() == SourceSpec.Kind.RTSP && "rtsp://".equals(c.spec().location())) {
            TextInputDialog d = new TextInputDialog("rtsp://");
            d.setHeaderText("RTSP URL (credentials are not logged)");
            return d.showAndWait().filter(u -> !u.isBlank()).map(PreviewPage::rtspSource)
                    .orElseGet(() -> {
                        cancelled[0] = true;
                        return null;
                    });
        }
        return c.spec();
    }

    /** Starts the selected skill; public so tests and the Skills page can trigger it. */
    public void start() {
        Skill skill = skillBox.getValue();
        if (skill == null) {
            stateLabel.setText("Pick a skill first");
            return;
        }
        boolean[] cancelled = {false};
        SourceSpec source = pickedSource(cancelled);
        if (cancelled[0]) {
            return;
        }
        switchTo(skill); // a fresh start: nothing of an earlier run stays on screen
        startButton.setDisable(true);
        stateLabel.setText("Starting…");
        ctx.currentSkillIdProperty().set(skill.id());
        overlay = new Overlay(skill, ctx.catalog());
        javafx.concurrent.Task<PreviewSession> task = new javafx.concurrent.Task<>() {
            @Override
            protected PreviewSession call() throws Exception {
                updateMessage("Starting " + skill.name() + "…");
                return PreviewSession.start(skill, ctx.catalog(), ctx.workspace().modelLibrary(),
                        ctx.workspace().root(), source);
            }
        };
        task.setOnSucceeded(e -> {
            session = task.getValue();
            stopButton.setDisable(false);
            snapshotButton.setDisable(false);
            recordButton.setDisable(false);
            displayedFrames = 0;
            lastFpsNanos = System.nanoTime();
            lastFpsFrames = 0;
            displayTimer.start();
            metricsTimer.play();
            refreshMetrics();
        });
        task.setOnFailed(e -> {
            startButton.setDisable(false);
            String msg = task.getException() == null ? "unknown error" : task.getException().getMessage();
            stateLabel.setText("Could not start");
            Alert a = new Alert(Alert.AlertType.ERROR, msg);
            a.setHeaderText("The skill could not start");
            a.show();
        });
        ctx.statusBar().track(task);
        ctx.background().submit(task);
    }

    /** Stops the run if one is going. */
    public void stop() {
        displayTimer.stop();
        metricsTimer.stop();
        if (session != null) {
            PreviewSession s = session;
            session = null;
            ctx.background().submit(s::close);
            stateLabel.setText("Stopped");
        }
        startButton.setDisable(false);
        stopButton.setDisable(true);
        snapshotButton.setDisable(true);
        recordButton.setSelected(false);
        recordButton.setDisable(true);
    }

    private void paint(long now) {
        PreviewSession s = session;
        if (s == null) {
            return;
        }
        Frame f = s.acquireLatestFrame();
        boolean newFrame = f != null && f != shownFrame && f.image() != null;
        try {
            if (newFrame) {
                shownFrame = f;
                video.setImage(fxFrames.toImage(f.image().mat(), (int) Math.ceil(videoPane.getWidth()),
                        (int) Math.ceil(videoPane.getHeight())));
                displayedFrames++;
            }
        } finally {
            if (f != null) {
                FrameImage.release(f.image()); // the FX image is a copy: the frame's buffer may be reused now
            }
        }
        // the overlay is redrawn only when there is something new to show: a frame or a resized view
        boolean resized = videoPane.getWidth() != overlayWidth || videoPane.getHeight() != overlayHeight;
        if (shownFrame != null && overlay != null && (newFrame || resized)) {
            overlayWidth = videoPane.getWidth();
            overlayHeight = videoPane.getHeight();
            double[] r = imageRect();
            overlay.draw(overlayCanvas, shownFrame, r[0], r[1], r[2], r[3]);
        }
        if (now - lastFpsNanos > 1_000_000_000L) {
            double fps = (displayedFrames - lastFpsFrames) * 1e9 / (now - lastFpsNanos);
            fpsLabel.setText(String.format(Locale.ROOT, "%.1f fps shown · %d processed", fps, s.outputFrames()));
            lastFpsNanos = now;
            lastFpsFrames = displayedFrames;
        }
    }

    /** Where the image actually sits inside the video pane (letterboxed by preserveRatio). */
    private double[] imageRect() {
        double pw = videoPane.getWidth();
        double ph = videoPane.getHeight();
        if (video.getImage() == null) {
            return new double[]{0, 0, pw, ph};
        }
        double iw = video.getImage().getWidth();
        double ih = video.getImage().getHeight();
        double scale = Math.min(pw / iw, ph / ih);
        double w = iw * scale;
        double h = ih * scale;
        return new double[]{(pw - w) / 2, (ph - h) / 2, w, h};
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
        stateLabel.setText(state + (message.isBlank() ? "" : " — " + message)
                + (src.isBlank() ? "" : " · source " + src));
        List<NodeMetrics> metrics = s.metrics();
        metricsTable.getItems().setAll(metrics);
        metricsById.clear();
        metrics.forEach(m -> metricsById.put(m.nodeId(), m));
        nodeList.refresh();
        updateMiniGraph(metrics);
        tick++;
        for (NodeMetrics m : metrics) {
            XYChart.Series<Number, Number> ser = series.computeIfAbsent(m.nodeId(), id -> {
                XYChart.Series<Number, Number> x = new XYChart.Series<>();
                x.setName(nameOf(id));
                latencyChart.getData().add(x);
                return x;
            });
            ser.getData().add(new XYChart.Data<>(tick, m.p50Millis()));
            if (ser.getData().size() > CHART_POINTS) {
                ser.getData().remove(0);
            }
        }
        for (ExportMessage m : s.drainMessages()) {
            messageLog.getChildren().add(0, io.skilldesigner.app.ui.JsonTree.of(m.exportType() + " → " + m.target()
                    + (m.route().isBlank() ? "" : "  [" + m.route() + "]"), m.body()));
        }
        if (messageLog.getChildren().size() > LOG_LIMIT) {
            messageLog.getChildren().remove(LOG_LIMIT, messageLog.getChildren().size());
        }
        providerBanner.setText(ProviderText.describe(s.runtimeInfo()));
        providerBanner.setVisible(!providerBanner.getText().isEmpty());
        providerBanner.getStyleClass().remove("provider-fallback");
        if (ProviderText.hasFallback(s.runtimeInfo())) {
            providerBanner.getStyleClass().add("provider-fallback");
        }
        if (state == RunState.FAILED || state == RunState.COMPLETED) {
            startButton.setDisable(false);
        }
    }

    private void snapshot() {
        String name = "snapshot-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".png";
        Path file = ctx.workspace().root().resolve("snapshots").resolve(name);
        try {
            javafx.scene.image.WritableImage img = videoPane.snapshot(null, null);
            Screenshots.saveImage(img, file);
            ctx.statusBar().setText("Snapshot saved to " + file);
        } catch (IOException e) {
            ctx.statusBar().setText("Snapshot failed: " + e.getMessage());
        }
    }

    /**
     * The running skill as a small read-only graph: the canvas alone (no palette, properties or problems), node
     * badges following the engine's node states, and a click on a node showing only that node's output.
     */
    private void showMiniGraph(Skill skill) {
        if (miniGraph == null) {
            miniGraph = new io.skilldesigner.canvas.SkillEditor(ctx.catalog(), ctx.workspace().modelLibrary());
            miniGraph.setLeft(null);
            miniGraph.setRight(null);
            miniGraph.setBottom(null);
            miniGraph.setMinSize(0, 0);
            miniGraph.setPrefSize(300, 300);
            miniGraph.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            // fit again whenever the holder gets its real size (layout happens after the skill is set)
            miniGraphHolder.heightProperty().addListener((o, a, b) -> MiniGraphFit.fitReadable(miniGraph));
            miniGraphHolder.widthProperty().addListener((o, a, b) -> MiniGraphFit.fitReadable(miniGraph));
            miniGraph.canvas().minimap().setEnabled(false);
            miniGraph.canvas().addEventHandler(javafx.scene.input.MouseEvent.MOUSE_CLICKED, e -> {
                var selected = miniGraph.selectedNodes();
                String id = selected.size() == 1 ? selected.iterator().next() : null;
                nodeList.getItems().stream().filter(n -> n.id().equals(id)).findFirst()
                        .ifPresentOrElse(n -> nodeList.getSelectionModel().select(n),
                                () -> nodeList.getSelectionModel().clearSelection());
            });
            miniGraphHolder.getChildren().setAll(miniGraph);
        }
        miniGraph.setSkill(skill);
        miniGraph.clearNodeStatuses();
        MiniGraphFit.fitSoon(miniGraph);
    }

    /** Fits the graph once the scene has laid it out (a pulse or two after it is shown). */
    private static final class MiniGraphFit {
        /** Node names at about 10 px (13 px at 1:1); the detail zoom alone left them at 6 px. */
        static final double READABLE_SCALE = 0.8;

        static void fitSoon(io.skilldesigner.canvas.SkillEditor editor) {
            javafx.animation.PauseTransition p = new javafx.animation.PauseTransition(Duration.millis(250));
            p.setOnFinished(e -> fitReadable(editor));
            p.play();
        }

        /**
         * Fits the graph, but never below a zoom at which node names are readable: a tall skill then shows its
         * top (the source) and scrolls, instead of turning into unreadable boxes.
         */
        static void fitReadable(io.skilldesigner.canvas.SkillEditor editor) {
            editor.fitToView();
            var canvas = editor.canvas();
            double scale = canvas.viewport().scale();
            if (scale < READABLE_SCALE) {
                canvas.zoomBy(READABLE_SCALE / scale);
                editor.getSkill().nodes().stream().findFirst().ifPresent(n -> canvas.centreOn(n.id()));
            }
        }
    }

    private void updateMiniGraph(List<NodeMetrics> metrics) {
        if (miniGraph == null) {
            return;
        }
        for (NodeMetrics m : metrics) {
            switch (m.state()) {
                case RUNNING -> miniGraph.setNodeStatus(m.nodeId(), io.skilldesigner.canvas.NodeStatus.RUNNING,
                        String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms", m.p50Millis(), m.p95Millis()));
                case ERROR -> miniGraph.setNodeStatus(m.nodeId(), io.skilldesigner.canvas.NodeStatus.ERROR,
                        m.lastError());
                default -> miniGraph.setNodeStatus(m.nodeId(), io.skilldesigner.canvas.NodeStatus.OK, m.state().name());
            }
        }
    }

    private void toggleRecording() {
        PreviewSession s = session;
        if (s == null) {
            recordButton.setSelected(false);
            return;
        }
        if (recordButton.isSelected()) {
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            Path video = ctx.workspace().root().resolve(io.skilldesigner.engine.recording.SavedTests.RECORDINGS_DIR)
                    .resolve(s.engine().skill().id() + "-" + stamp
                            + io.skilldesigner.engine.recording.RecordingFiles.VIDEO_EXTENSION);
            s.startRecording(video);
            ctx.statusBar().setText("Recording to " + video);
        } else {
            ctx.background().submit(() -> {
                SessionRecorder r = s.stopRecording();
                if (r != null) {
                    String text = r.error().isEmpty()
                            ? "Recorded " + r.written() + " frames to " + r.video() + " (+ insights JSONL; "
                            + r.dropped() + " skipped)" : r.error();
                    boolean usable = r.error().isEmpty() && r.written() > 0;
                    if (usable) {
                        lastRecording = new LastRecording(s.engine().skill(), r.files());
                    }
                    javafx.application.Platform.runLater(() -> {
                        ctx.statusBar().setText(text);
                        saveTestButton.setDisable(!usable);
                    });
                }
            });
        }
    }

    private void saveAsTest() {
        LastRecording rec = lastRecording;
        if (rec == null) {
            return;
        }
        saveTestButton.setDisable(true);
        TestSaver saver = new TestSaver(ctx.catalog(), ctx.workspace());
        ctx.statusBar().setText("Saving a test from " + rec.files().video().getFileName() + "...");
        ctx.background().submit(() -> {
            String text;
            try {
                var result = saver.save(rec.skill(), rec.files());
                text = "Test saved: " + result.frames() + " frames of expected insights in " + result.golden()
                        + "; run it with: " + saver.command(rec.skill(), rec.files());
            } catch (Exception e) {
                text = "Save as test failed: " + e.getMessage();
            }
            String message = text;
            javafx.application.Platform.runLater(() -> {
                ctx.statusBar().setText(message);
                saveTestButton.setDisable(false);
            });
        });
    }

    /** For tests: the frames painted so far. */
    public long displayedFrames() {
        return displayedFrames;
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

    /** An RTSP URL as typed: {@code ?transport=udp} picks UDP as on the command line; anything else is TCP. */
    private static SourceSpec rtspSource(String typed) {
        String u = typed.trim();
        return u.regionMatches(true, 0, "rtsp", 0, 4) ? SourceSpec.parse(u) : SourceSpec.rtsp(u, "tcp");
    }
}
