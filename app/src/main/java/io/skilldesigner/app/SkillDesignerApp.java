package io.skilldesigner.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The desktop application: workspace, pages, theme and window state. */
public final class SkillDesignerApp extends Application {
    private AppShell shell;

    @Override
    public void start(Stage stage) throws Exception {
        AppOptions options = AppOptions.parse(getParameters().getRaw());
        Preferences prefs = Preferences.userNodeForPackage(SkillDesignerApp.class);
        WindowState state = WindowState.load(prefs);
        AppStatusBar status = new AppStatusBar();
        status.setWorkspace(options.workspace().toString());
        shell = new AppShell(List.of(), status);
        Scene scene = new Scene(shell);
        Theme.of(state.theme()).applyTo(scene);
        stage.setTitle("Skill Designer");
        stage.setScene(scene);
        state.applyTo(stage);
        stage.show();
        if (options.smokeTest()) {
            System.out.println("SMOKE OK: Skill Designer started on workspace " + options.workspace());
            Platform.exit();
        }
    }

    static Path workspaceOf(AppOptions o) {
        return o.workspace();
    }
}
