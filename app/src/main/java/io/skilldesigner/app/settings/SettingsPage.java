package io.skilldesigner.app.settings;

import java.util.function.Consumer;

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
        Label providers = new Label(String.valueOf(ModelSessions.availableProviders()));
        providers.setId("settings-providers");
        g.addRow(2, new Label("ONNX Runtime providers"), providers);
        g.addRow(3, new Label("Java"), new Label(System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"));
        g.addRow(4, new Label("JavaFX"), new Label(System.getProperty("javafx.runtime.version", "?")));
        Label note = new Label("CUDA is used when the app is built with the gpu profile (onnxruntime_gpu) and a GPU"
                + " is present; otherwise models run on the CPU and the preview says why.");
        note.setWrapText(true);
        note.getStyleClass().add("muted");
        root.getChildren().addAll(title, g, note);
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
