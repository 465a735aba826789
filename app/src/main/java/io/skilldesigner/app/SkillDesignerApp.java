package io.skilldesigner.app;

import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.models.ModelsPage;
import io.skilldesigner.app.packages.PackagesPage;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.app.settings.SettingsPage;
import io.skilldesigner.app.skills.SkillsPage;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.image.Image;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;

/** The desktop application: workspace (demo content on first start), pages, theme, window state, shortcuts. */
public final class SkillDesignerApp extends Application {
    private AppContext ctx;
    private AppShell shell;
    private Theme theme;

    @Override
    public void start(Stage stage) throws Exception {
        AppOptions options = AppOptions.parse(getParameters().getRaw());
        Preferences prefs = Preferences.userNodeForPackage(SkillDesignerApp.class);
        WindowState state = WindowState.load(prefs);
        AppStatusBar status = new AppStatusBar();
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace workspace;
        try {
            workspace = DemoWorkspace.openOrCreate(options.workspace(), catalog);
        } catch (Exception e) {
            Alert a = new Alert(Alert.AlertType.ERROR, "The workspace " + options.workspace()
                    + " cannot be opened: " + e.getMessage());
            a.setHeaderText("Skill Designer cannot start");
            a.showAndWait();
            Platform.exit();
            return;
        }
        ctx = new AppContext(workspace, catalog, status);
        status.setWorkspace(workspace.root().toString());
        status.setAcceleration("Inference: " + String.join(", ",
                ModelSessions.availableProviders().stream().map(Object::toString).toList()));
        ctx.currentSkillIdProperty().set(DemoWorkspace.SKILL_ID);
        theme = Theme.of(state.theme());
        PreviewPage preview = new PreviewPage(ctx);
        SkillsPage skills = new SkillsPage(ctx, id -> {
            preview.select(id);
            shell.show(preview.id());
        });
        List<Page> pages = List.of(new ModelsPage(ctx), skills, preview, new PackagesPage(ctx),
                new SettingsPage(ctx, theme, t -> {
                    theme = t;
                    t.applyTo(stage.getScene());
                }));
        shell = new AppShell(pages, status);
        Scene scene = new Scene(shell);
        theme.applyTo(scene);
        installShortcuts(scene, pages);
        stage.setTitle("Skill Designer — " + workspace.root());
        stage.getIcons().addAll(AppIcons.load());
        stage.setScene(scene);
        state.applyTo(stage);
        shell.show(pages.stream().anyMatch(p -> p.id().equals(state.page())) ? state.page() : skills.id());
        stage.setOnCloseRequest(e -> {
            WindowState.of(stage, theme.id(), shell.currentPageId()).save(prefs);
            preview.stop();
        });
        stage.show();
        if (options.screenshotDir() != null) {
            takeScreenshots(scene, options.screenshotDir());
        }
        if (options.smokeTest()) {
            System.out.println("SMOKE OK: Skill Designer started on workspace " + workspace.root());
            Platform.exit();
        }
    }

    private void installShortcuts(Scene scene, List<Page> pages) {
        for (int i = 0; i < pages.size(); i++) {
            String id = pages.get(i).id();
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> shell.show(id));
        }
    }

    private void takeScreenshots(Scene scene, Path dir) throws Exception {
        for (String id : shell.pageIds()) {
            shell.show(id);
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Screenshots.save(scene, dir.resolve(id + ".png"));
        }
    }

    /** For tests. */
    AppShell shell() {
        return shell;
    }

    AppContext context() {
        return ctx;
    }

    @Override
    public void stop() {
        if (ctx != null) {
            ctx.close();
        }
    }

}
