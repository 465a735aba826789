package io.skilldesigner.app.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.engine.StreamGroup;
import io.skilldesigner.engine.source.SourceSpec;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * The sources a preview runs on besides the one picked in the toolbar: "+ Source" adds one (a video file, an RTSP
 * URL, a webcam, asked for as the picker asks), each shown as a chip "stream2: …" with a button to remove it.
 * The skill then runs once per source, as {@code run --source A --source B} does.
 */
final class ExtraSources {
    /** An added source: what the chip says and what the run opens (null: the skill's own camera input). */
    record Added(String label, SourceSpec spec) {
    }

    private final MenuButton addButton = new MenuButton("+ Source");
    private final FlowPane chips = new FlowPane(6, 4);
    private final List<Added> added = new ArrayList<>();

    /**
     * @param choices what can be added (the picker's entries)
     * @param ask     turns a choice into the source to open, asking for a file or URL; null when cancelled
     */
    ExtraSources(Supplier<List<SourceChoice>> choices, Function<SourceChoice, Added> ask) {
        addButton.setId("preview-add-source");
        addButton.setMinWidth(Region.USE_PREF_SIZE);
        addButton.setTooltip(new Tooltip("Run the skill on one more source at once (one stream per source,"
                + " sharing each model); pick which stream to watch above the video."));
        addButton.setOnShowing(e -> {
            addButton.getItems().clear();
            for (SourceChoice c : choices.get()) {
                MenuItem item = new MenuItem(c.label());
                item.setOnAction(a -> {
                    Added chosen = ask.apply(c);
                    if (chosen != null) {
                        add(chosen);
                    }
                });
                addButton.getItems().add(item);
            }
        });
        chips.setId("preview-extra-sources");
        chips.managedProperty().bind(chips.visibleProperty());
        chips.setVisible(false);
    }

    Node button() {
        return addButton;
    }

    Node chips() {
        return chips;
    }

    /** Adds a source as the next stream. */
    void add(Added source) {
        added.add(source);
        render();
    }

    /** The added sources' specs in stream order (stream2, stream3, ...). */
    List<SourceSpec> specs() {
        return added.stream().map(Added::spec).toList();
    }

    void setDisable(boolean disabled) {
        addButton.setDisable(disabled);
        chips.setDisable(disabled);
    }

    private void render() {
        chips.getChildren().clear();
        for (int i = 0; i < added.size(); i++) {
            Added a = added.get(i);
            String stream = StreamGroup.streamId(i + 1);
            Label text = Rows.keepText(new Label(stream + ": " + a.label()));
            Button remove = new Button("✕");
            remove.setId("preview-remove-" + stream);
            remove.getStyleClass().add("chip-remove");
            remove.setTooltip(new Tooltip("Remove this source"));
            remove.setOnAction(e -> {
                added.remove(a);
                render();
            });
            HBox chip = new HBox(4, text, remove);
            chip.getStyleClass().add("source-chip");
            chip.setId("preview-source-" + stream);
            chips.getChildren().add(chip);
        }
        chips.setVisible(!added.isEmpty());
    }
}
