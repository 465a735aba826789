package io.skilldesigner.app.preview;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.IntConsumer;

import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.engine.metrics.StreamSummary;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;

/**
 * The streams tab: one row per source of the run with the engine's per-stream figures (frames, fps, drops,
 * capture-to-output latency), its state and why it failed, and a line with the aggregate and the fairness
 * (slowest over fastest fps) of the streams still running. Clicking a row shows that stream.
 */
final class StreamsPanel {
    private final TableView<StreamStatus> table = new TableView<>();
    private final Label total = new Label();
    private final BorderPane view = new BorderPane();
    /** True while a refresh replaces the rows: the selection changes then are ours, not the user's. */
    private boolean updating;

    StreamsPanel(IntConsumer show) {
        table.setId("preview-streams");
        table.getColumns().setAll(List.of(
                column("Stream", StreamStatus::streamId),
                column("State", s -> s.state().name()),
                column("Frames", s -> Long.toString(s.figures().frames())),
                column("fps", s -> String.format(Locale.ROOT, "%.1f", s.figures().fps())),
                column("Drops", s -> Long.toString(s.figures().drops())),
                column("Latency p50 ms", s -> String.format(Locale.ROOT, "%.0f", s.figures().p50Millis())),
                column("p95 ms", s -> String.format(Locale.ROOT, "%.0f", s.figures().p95Millis())),
                column("Source", StreamStatus::shortSource),
                column("Problem or source state", StreamStatus::message)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        double[] widths = {80, 95, 70, 60, 60, 110, 70, 240};
        for (int i = 0; i < widths.length; i++) {
            table.getColumns().get(i).setPrefWidth(widths[i]); // numbers narrow, the source named in full
        }
        table.setPlaceholder(new Label("Start a run: one row per source"));
        // the full source and problem on hover: a failure's reason is longer than its cell
        table.setRowFactory(t -> {
            TableRow<StreamStatus> row = new TableRow<>();
            row.itemProperty().addListener((o, old, now) -> row.setTooltip(now == null ? null
                    : new Tooltip(now.streamId() + " · " + now.figures().source() + "\n" + now.message())));
            return row;
        });
        table.getSelectionModel().selectedIndexProperty().addListener((o, old, now) -> {
            int index = now.intValue();
            if (!updating && index >= 0) {
                Platform.runLater(() -> show.accept(index)); // not while the table is still handling the click
            }
        });
        total.setId("preview-streams-total");
        total.setPadding(new Insets(4, 0, 0, 4));
        view.setCenter(table);
        view.setBottom(total);
    }

    Node view() {
        return view;
    }

    void clear() {
        table.getItems().clear();
        total.setText("");
    }

    /** One refresh; the selected row stays selected. */
    void update(List<StreamStatus> streams, int shown) {
        updating = true;
        try {
            if (table.getItems().size() == streams.size()) {
                for (int i = 0; i < streams.size(); i++) {
                    table.getItems().set(i, streams.get(i)); // row by row: the rows under the mouse stay put
                }
            } else {
                table.getItems().setAll(streams);
            }
            table.getSelectionModel().select(shown);
        } finally {
            updating = false;
        }
        total.setText(summary(streams));
        total.setTooltip(new Tooltip(total.getText()));
    }

    /** The aggregate and fairness of the running streams, then which ended and how. */
    static String summary(List<StreamStatus> streams) {
        List<StreamSummary.Row> running = streams.stream().filter(s -> !s.ended()).map(StreamStatus::figures)
                .toList();
        StreamSummary sum = new StreamSummary(running);
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "aggregate %.1f fps over %d running stream%s", sum.aggregateFps(), running.size(),
                running.size() == 1 ? "" : "s"));
        if (running.size() > 1) {
            sb.append(String.format(Locale.ROOT, " · fairness (slowest/fastest fps) %.2f", sum.fairness()));
        }
        streams.stream().filter(StreamStatus::failed)
                .forEach(s -> sb.append(" · ").append(s.streamId()).append(" failed: ").append(s.message()));
        return sb.toString();
    }

    private static TableColumn<StreamStatus, String> column(String name, Function<StreamStatus, String> value) {
        TableColumn<StreamStatus, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return Rows.keepHeader(c);
    }
}
