package io.skilldesigner.app.preview;

import java.util.List;
import java.util.function.IntConsumer;

import io.skilldesigner.app.ui.Rows;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;

/** Above the video when a run has several streams: one toggle per stream, choosing whose video and overlay show. */
final class StreamPicker {
    private final FlowPane bar = Rows.of(6);
    private final ToggleGroup group = new ToggleGroup();
    private final IntConsumer show;

    StreamPicker(IntConsumer show) {
        this.show = show;
        bar.setId("preview-stream-picker");
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setVisible(false);
    }

    Node view() {
        return bar;
    }

    /** One toggle per stream (hidden for a single stream); {@code labels} are the streams' sources. */
    void showStreams(List<String> ids, List<String> labels) {
        bar.getChildren().clear();
        group.getToggles().clear();
        if (ids.size() < 2) {
            bar.setVisible(false);
            return;
        }
        bar.getChildren().add(new Label("Showing"));
        for (int i = 0; i < ids.size(); i++) {
            int index = i;
            ToggleButton b = new ToggleButton(ids.get(i) + " · " + labels.get(i));
            b.setId("preview-show-" + ids.get(i));
            b.setTooltip(new Tooltip("Show " + ids.get(i) + "'s video, overlay and node timings"));
            b.setToggleGroup(group);
            b.setSelected(i == 0);
            b.setOnAction(e -> {
                b.setSelected(true); // a toggle group lets the selected one be clicked off; a stream stays shown
                show.accept(index);
            });
            bar.getChildren().add(b);
        }
        bar.setVisible(true);
    }

    /** Marks stream {@code index} as the one shown (e.g. picked in the streams table). */
    void select(int index) {
        if (index < group.getToggles().size()) {
            group.selectToggle(group.getToggles().get(index));
        }
    }

    void clear() {
        showStreams(List.of(), List.of());
    }
}
