package io.skilldesigner.app.settings;

import java.util.Map;
import java.util.function.Consumer;

import io.skilldesigner.core.catalog.EffectiveSettings;
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
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
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
        ctx.tasks().submit(() -> {
            String text = String.valueOf(ModelSessions.availableProviders());
            Platform.runLater(() -> providers.setText(text));
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
        TextField endpoint = new TextField();
        endpoint.setId("conformance-endpoint");
        endpoint.setPromptText("host:port or grpcs://host:port");
        Button check = new Button("Run conformance check");
        check.setId("conformance-run");
        TextArea report = new TextArea();
        report.setId("conformance-report");
        report.setEditable(false);
        report.setPrefRowCount(14);
        report.getStyleClass().add("message-log");
        check.setOnAction(e -> {
            EffectiveSettings settings = EffectiveSettings.of(new GrpcCustomNode(), "conformance",
                    Map.of(GrpcCustomNode.ENDPOINT_URL, endpoint.getText().trim()));
            ctx.tasks().run("Checking " + endpoint.getText().trim(), p -> {
                RuntimeContext rc = new RuntimeContext(Skill.empty("conformance", "conformance"),
                        ctx.workspace().modelLibrary(), ctx.workspace().root(), RunIdentity.preview("conformance"),
                        ExportMessageListener.NONE, NodeStatusListener.NONE, false);
                return new ConformanceChecker(GrpcNodeConfig.fromSettings(settings, rc), 5).run().toText();
            }, report::setText, failure -> report.setText("Check failed: " + failure.getMessage()));
        });
        HBox row = new HBox(8, endpoint, check);
        HBox.setHgrow(endpoint, Priority.ALWAYS);
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
