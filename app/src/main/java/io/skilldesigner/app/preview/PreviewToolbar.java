package io.skilldesigner.app.preview;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.app.ui.SkillNames;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.WebcamDevice;
import io.skilldesigner.engine.source.WebcamDevices;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/**
 * The preview's top bar: skill and source pickers, the run buttons, the run state and fps line and the execution
 * provider banner. It knows nothing of a run; the page tells it what to show and what is enabled.
 */
final class PreviewToolbar {
    /** What the buttons do (the page's run, snapshot and recording). */
    record Actions(Runnable start, Runnable stop, Runnable snapshot, Runnable toggleRecording, Runnable saveAsTest) {
    }

    private final ComboBox<Skill> skillBox = new ComboBox<>();
    private final ComboBox<SourceChoice> sourceBox = new ComboBox<>();
    private final Button startButton = new Button("▶ Start");
    private final Button stopButton = new Button("■ Stop");
    private final Button snapshotButton = new Button("Snapshot");
    private final ToggleButton recordButton = new ToggleButton("● Record");
    private final Button saveTestButton = new Button("Save as test");
    private final Label stateLabel = new Label("Stopped");
    private final Label fpsLabel = new Label();
    private final Label providerBanner = new Label();
    private final ExtraSources extraSources = new ExtraSources(this::sourceChoices, this::askForExtra);
    private final VBox view;
    private Function<Window, File> videoChooser = PreviewToolbar::askForVideo;
    private boolean choosingFile;

    PreviewToolbar(Actions actions) {
        Label title = new Label("Live Preview");
        title.getStyleClass().add("page-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        skillBox.setId("preview-skill");
        skillBox.setPromptText("Skill");
        SkillNames.showIn(skillBox);
        sourceBox.setId("preview-source");
        sourceBox.setOnShowing(e -> reloadSources());
        reloadSources();
        // "Video file…" asks for the file when it is picked; the run starts only with Start
        sourceBox.valueProperty().addListener((o, old, now) -> {
            if (!choosingFile && now != null && now.spec() != null && now.spec().kind() == SourceSpec.Kind.FILE
                    && now.spec().location().isEmpty()) {
                Platform.runLater(() -> chooseVideoFile(old));
            }
        });
        startButton.setId("preview-start");
        stopButton.setId("preview-stop");
        snapshotButton.setId("preview-snapshot");
        startButton.setDefaultButton(true);
        startButton.setOnAction(e -> actions.start().run());
        stopButton.setOnAction(e -> actions.stop().run());
        snapshotButton.setOnAction(e -> actions.snapshot().run());
        stateLabel.setId("preview-state");
        fpsLabel.setId("preview-fps");
        for (ButtonBase b : List.of(startButton, stopButton, snapshotButton, recordButton)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        recordButton.setId("preview-record");
        recordButton.setDisable(true);
        recordButton.setTooltip(new Tooltip("Record the output frames and their insights;"
                + " replay a recording by choosing it as the video file source."));
        recordButton.setOnAction(e -> actions.toggleRecording().run());
        saveTestButton.setId("preview-save-test");
        saveTestButton.setDisable(true);
        saveTestButton.setMinWidth(Region.USE_PREF_SIZE);
        saveTestButton.setTooltip(new Tooltip("Make the last recording a golden insight test:"
                + " the skill's insights on it are saved and checked by 'skill-designer test'."));
        saveTestButton.setOnAction(e -> actions.saveAsTest().run());
        skillBox.setMinWidth(200);
        sourceBox.setMinWidth(200);
        FlowPane bar = Rows.of(10, title, skillBox, sourceBox, extraSources.button(), startButton, stopButton,
                snapshotButton, recordButton, saveTestButton);
        bar.setAlignment(Pos.CENTER_LEFT);
        stateLabel.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(stateLabel, Priority.ALWAYS);
        HBox status = new HBox(16, stateLabel, fpsLabel);
        status.setAlignment(Pos.CENTER_LEFT);
        providerBanner.setId("preview-provider");
        providerBanner.getStyleClass().add("provider-banner");
        providerBanner.setMaxWidth(Double.MAX_VALUE);
        providerBanner.setWrapText(true); // every model's provider and reasons stay readable, not cut off
        providerBanner.setVisible(false);
        providerBanner.managedProperty().bind(providerBanner.visibleProperty());
        view = new VBox(6, bar, extraSources.chips(), status, providerBanner);
        view.setPadding(new Insets(0, 0, 10, 0));
        stopButton.setDisable(true);
        snapshotButton.setDisable(true);
    }

    Node view() {
        return view;
    }

    ComboBox<Skill> skillBox() {
        return skillBox;
    }

    /** Offers {@code skills}, keeping or choosing the one with id {@code wanted} (else the first). */
    void showSkills(List<Skill> skills, String wanted) {
        skillBox.getItems().setAll(skills);
        skills.stream().filter(s -> s.id().equals(wanted)).findFirst()
                .ifPresentOrElse(skillBox::setValue, () -> {
                    if (!skills.isEmpty() && skillBox.getValue() == null) {
                        skillBox.setValue(skills.get(0));
                    }
                });
    }

    void setState(String text) {
        stateLabel.setText(text);
    }

    void setFps(String text) {
        fpsLabel.setText(text);
    }

    /** The execution provider per model; highlighted when one fell back. */
    void showProviders(Map<String, Map<String, String>> runtimeInfo) {
        providerBanner.setText(ProviderText.describe(runtimeInfo));
        providerBanner.setVisible(!providerBanner.getText().isEmpty());
        providerBanner.getStyleClass().remove("provider-fallback");
        if (ProviderText.hasFallback(runtimeInfo)) {
            providerBanner.getStyleClass().add("provider-fallback");
        }
    }

    void hideProviders() {
        providerBanner.setVisible(false);
    }

    /** Buttons while starting: nothing can be started twice. */
    void starting() {
        startButton.setDisable(true);
        extraSources.setDisable(true);
    }

    /** Buttons of a running session. */
    void running() {
        stopButton.setDisable(false);
        snapshotButton.setDisable(false);
        recordButton.setDisable(false);
    }

    /** Buttons with no session (stopped, or it could not start). */
    void stopped() {
        startButton.setDisable(false);
        extraSources.setDisable(false);
        stopButton.setDisable(true);
        snapshotButton.setDisable(true);
        recordButton.setSelected(false);
        recordButton.setDisable(true);
    }

    /** The run ended by itself (failed or completed): it can be started again. */
    void startable() {
        startButton.setDisable(false);
        extraSources.setDisable(false);
    }

    boolean recordingWanted() {
        return recordButton.isSelected();
    }

    void cancelRecording() {
        recordButton.setSelected(false);
    }

    void setSaveTestEnabled(boolean enabled) {
        saveTestButton.setDisable(!enabled);
    }

    /** Replaces the file dialog of "Video file…" (tests). */
    void setVideoFileChooser(Function<Window, File> chooser) {
        videoChooser = Objects.requireNonNull(chooser, "chooser");
    }

    /**
     * The picked source, asking for a file or URL when needed; null for the skill's own camera input.
     *
     * @param cancelled set to true when the user cancelled a question (then nothing should start)
     */
    SourceSpec pickedSource(boolean[] cancelled) {
        return resolve(sourceBox.getValue(), cancelled);
    }

    /**
     * The sources to run, one stream each: the picked one, then those added with "+ Source" (null entries: the
     * skill's own camera input).
     *
     * @param cancelled set to true when the user cancelled a question (then nothing should start)
     */
    List<SourceSpec> pickedSources(boolean[] cancelled) {
        List<SourceSpec> all = new ArrayList<>();
        all.add(pickedSource(cancelled));
        all.addAll(extraSources.specs());
        return all;
    }

    /** Adds a source as the next stream, as "+ Source" does (sources known without asking). */
    void addSource(SourceSpec spec) {
        extraSources.add(new ExtraSources.Added(labelOf(spec), spec));
    }

    private ExtraSources.Added askForExtra(SourceChoice c) {
        boolean[] cancelled = {false};
        SourceSpec spec = resolve(c, cancelled);
        if (cancelled[0]) {
            return null;
        }
        return new ExtraSources.Added(spec == null ? c.label() : labelOf(spec), spec);
    }

    private static String labelOf(SourceSpec spec) {
        return spec.kind() == SourceSpec.Kind.FILE ? "File: " + new File(spec.location()).getName() : spec.describe();
    }

    /** The source of a choice, asking for the file or URL it leaves open; null for the skill's own input. */
    private SourceSpec resolve(SourceChoice c, boolean[] cancelled) {
        if (c == null || c.spec() == null) {
            return null;
        }
        if (c.spec().kind() == SourceSpec.Kind.FILE && c.spec().location().isEmpty()) {
            File f = videoChooser.apply(view.getScene() == null ? null : view.getScene().getWindow());
            if (f == null) {
                cancelled[0] = true;
                return null;
            }
            return SourceSpec.file(f.getAbsolutePath(), true);
        }
        if (c.spec().kind() == SourceSpec.Kind.RTSP && "rtsp://".equals(c.spec().location())) {
            TextInputDialog d = new TextInputDialog("rtsp://");
            d.setHeaderText("RTSP URL (credentials are not logged)");
            return d.showAndWait().filter(u -> !u.isBlank()).map(PreviewToolbar::rtspSource)
                    .orElseGet(() -> {
                        cancelled[0] = true;
                        return null;
                    });
        }
        return c.spec();
    }

    private void reloadSources() {
        SourceChoice current = sourceBox.getValue();
        ObservableList<SourceChoice> items = FXCollections.observableArrayList(sourceChoices());
        if (current != null && current.label().startsWith("File: ")) {
            items.add(2, current); // a file chosen earlier stays on offer
        }
        sourceBox.getItems().setAll(items);
        sourceBox.setValue(current != null && items.contains(current) ? current : items.get(0));
    }

    /** What a source can be: the skill's own input, a file or URL still to ask for, each webcam found. */
    private List<SourceChoice> sourceChoices() {
        List<SourceChoice> items = new ArrayList<>();
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
        return items;
    }

    private void chooseVideoFile(SourceChoice previous) {
        File f = videoChooser.apply(view.getScene() == null ? null : view.getScene().getWindow());
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

    private static File askForVideo(Window owner) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Video file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Video", "*.mp4", "*.avi", "*.mkv", "*.mov"));
        return fc.showOpenDialog(owner);
    }

    /** An RTSP URL as typed: {@code ?transport=udp} picks UDP as on the command line; anything else is TCP. */
    private static SourceSpec rtspSource(String typed) {
        String u = typed.trim();
        return u.regionMatches(true, 0, "rtsp", 0, 4) ? SourceSpec.parse(u) : SourceSpec.rtsp(u, "tcp");
    }
}
