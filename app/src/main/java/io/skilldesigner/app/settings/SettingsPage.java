package io.skilldesigner.app.settings;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.grpc.ConformanceChecker;
import io.skilldesigner.engine.grpc.GrpcNodeConfig;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.runtime.RuntimeContext;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.Theme;
import io.skilldesigner.engine.model.ModelSessions;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;

/** Settings: theme, the workspace in use and what this machine can run (execution providers). */
public final class SettingsPage implements Page {
    private final VBox root = new VBox(12);
    private final ChoiceBox<Theme> theme = new ChoiceBox<>();

    public SettingsPage(AppContext ctx, Theme current, Consumer<Theme> onTheme) {
        root.setId("settings-page");
        Label title = new Label("Settings");
        title.getStyleClass().add("page-title");
        theme.setId("settings-theme");
        theme.getItems().setAll(Theme.values());
        theme.setValue(current);
        theme.valueProperty().addListener((o, a, b) -> onTheme.accept(b));
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(4));
        g.addRow(0, new Label("Theme"), theme);
        g.addRow(1, new Label("Workspace"), new Label(ctx.workspace().root().toString()));
        Label providers = new Label("…");
        ctx.background().submit(() -> {
            String text = String.valueOf(ModelSessions.availableProviders());
            javafx.application.Platform.runLater(() -> providers.setText(text));
        });
        providers.setId("settings-providers");
        g.addRow(2, new Label("ONNX Runtime providers"), providers);
        g.addRow(3, new Label("Java"), new Label(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"));
        g.addRow(4, new Label("JavaFX"), new Label(System.getProperty("javafx.runtime.version", "?")));
        Label note = new Label("CUDA is used when the app is built with the gpu profile (onnxruntime_gpu) and a GPU"
                + " is present; otherwise models run on the CPU and the preview says why.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        root.getChildren().addAll(title, g, note, conformancePane(ctx));
    }

    /** The gRPC custom node conformance checker, against any endpoint, with its readable report. */
    private VBox conformancePane(AppContext ctx) {
        Label header = new Label("Check a gRPC custom node");
        header.getStyleClass().add("card-title");
        javafx.scene.control.TextField endpoint = new javafx.scene.control.TextField();
        endpoint.setId("conformance-endpoint");
        endpoint.setPromptText("host:port or grpcs://host:port");
        javafx.scene.control.Button check = new javafx.scene.control.Button("Run conformance check");
        check.setId("conformance-run");
        javafx.scene.control.TextArea report = new javafx.scene.control.TextArea();
        report.setId("conformance-report");
        report.setEditable(false);
        report.setPrefRowCount(14);
        report.getStyleClass().add("message-log");
        check.setOnAction(e -> {
            Map<String, Object> settings = new HashMap<>(new GrpcCustomNode().defaultSettings());
            settings.put(GrpcCustomNode.ENDPOINT_URL, endpoint.getText().trim());
            javafx.concurrent.Task<String> t = new javafx.concurrent.Task<>() {
                @Override
                protected String call() throws Exception {
                    updateMessage("Checking " + endpoint.getText().trim());
                    RuntimeContext rc = new RuntimeContext(Skill.empty("conformance", "conformance"),
                            ctx.workspace().modelLibrary(), ctx.workspace().root(), RunIdentity.preview("conformance"),
                            ExportMessageListener.NONE, NodeStatusListener.NONE, false);
                    return new ConformanceChecker(GrpcNodeConfig.fromSettings("conformance", settings, rc), 5).run()
                            .toText();
                }
            };
            t.setOnSucceeded(x -> report.setText(t.getValue()));
            t.setOnFailed(x -> report.setText("Check failed: " + t.getException().getMessage()));
            ctx.statusBar().track(t);
            ctx.background().submit(t);
        });
        javafx.scene.layout.HBox row = new javafx.scene.layout.HBox(8, endpoint, check);
        javafx.scene.layout.HBox.setHgrow(endpoint, javafx.scene.layout.Priority.ALWAYS);
        return new VBox(6, header, row, report);
    }

    @Override
    public String id() {
        return "settings";
    }

    @Override
    public String title() {
        return "Settings";
    }

    @Override
    public Node view() {
        return root;
    }
}
