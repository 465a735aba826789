package io.skilldesigner.app.preview;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.runtime.NodeState;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** The timing tab: a table of every node's metrics and a chart of each node's p50 latency over the last minute. */
final class MetricsPanel {
    private static final int CHART_POINTS = 60;

    private final TableView<NodeMetrics> metricsTable = new TableView<>();
    private final LineChart<Number, Number> latencyChart = new LineChart<>(new NumberAxis(), new NumberAxis());
    private final Map<String, XYChart.Series<Number, Number>> series = new HashMap<>();
    private final Map<String, String> nodeNames = new HashMap<>();
    private final SplitPane view;
    private int tick;

    MetricsPanel() {
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
        Rows.fitting(metricsTable.getColumns().get(1), Arrays.stream(NodeState.values()).map(Enum::name).toList());
        latencyChart.setId("preview-latency-chart");
        latencyChart.setAnimated(false);
        latencyChart.setCreateSymbols(false);
        latencyChart.setTitle("Latency per node (p50, ms)");
        view = new SplitPane(metricsTable, latencyChart);
        view.setDividerPositions(0.64); // the table's columns keep their headers readable at 1280 px
    }

    Node view() {
        return view;
    }

    /** Empties table and chart and names the rows after {@code skill}'s nodes. */
    void clear(Skill skill) {
        metricsTable.getItems().clear();
        series.clear();
        latencyChart.getData().clear();
        nodeNames.clear();
        skill.nodes().forEach(n -> nodeNames.put(n.id(), nodeName(n)));
    }

    /** One refresh: the table shows {@code metrics}, the chart gets a point per node. */
    void update(List<NodeMetrics> metrics) {
        metricsTable.getItems().setAll(metrics);
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
    }

    private static String nodeName(SkillNode n) {
        return n.displayName().isBlank() ? n.id() : n.displayName();
    }

    /** A node's name for the table and the chart (ids only where a node has no name). */
    private String nameOf(String nodeId) {
        return nodeNames.getOrDefault(nodeId, nodeId);
    }

    private static TableColumn<NodeMetrics, String> column(String name, Function<NodeMetrics, String> value) {
        TableColumn<NodeMetrics, String> c = new TableColumn<>(name);
        c.setCellValueFactory(cd -> new ReadOnlyObjectWrapper<>(value.apply(cd.getValue())));
        return Rows.keepHeader(c);
    }
}
