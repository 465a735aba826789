package io.skilldesigner.app;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.models.ModelsPage;
import io.skilldesigner.app.packages.PackagesPage;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.app.settings.SettingsPage;
import io.skilldesigner.app.skills.SkillsPage;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.app.secrets.AppSecretStores;
import io.skilldesigner.core.secrets.SecretStores;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.util.Duration;

/** The desktop application: workspace (demo content on first start), pages, theme, window state, shortcuts. */
public final class SkillDesignerApp extends Application {
    private AppContext ctx;
    private AppShell shell;
    private PreviewPage preview;
    private Theme theme;
    private final CompletableFuture<Void> demoReady = new CompletableFuture<>();

    @Override
    public void start(Stage stage) throws Exception {
        AppOptions options = AppOptions.parse(getParameters().getRaw());
        Preferences prefs = Preferences.userNodeForPackage(SkillDesignerApp.class);
        WindowState state = WindowState.load(prefs);
        AppStatusBar status = new AppStatusBar();
        NodeCatalog catalog = NodeCatalog.standard();
        Workspace workspace;
        String settingsProblem;
        SecretStores.Chosen secrets;
        boolean demoLater;
        try {
            // Secret settings go to the desktop keyring (or an encrypted per-user file); workspace files hold
            // references only.
            secrets = AppSecretStores.forThisUser();
            workspace = Workspace.open(options.workspace(), catalog, secrets.store());
            settingsProblem = DemoWorkspace.settingsProblem(workspace);
            // a damaged settings.json is reported and left alone: nothing is added to the workspace then
            demoLater = settingsProblem == null && DemoWorkspace.needsDemo(workspace);
            if (demoLater && (options.screenshotDir() != null || options.smokeTest())) {
                // the pictures show the demo running at once; the installer's smoke test exports it
                DemoWorkspace.addDemo(workspace, catalog);
                demoLater = false;
            }
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
        status.setAcceleration("Inference: …");
        System.getLogger(SkillDesignerApp.class.getName()).log(System.Logger.Level.INFO, secrets.description());
        // ONNX Runtime's natives take a while to load: ask on a background thread, not on the way to the window
        ctx.tasks().submit(() -> {
            String text = "Inference: " + String.join(", ",
                    ModelSessions.availableProviders().stream().map(Object::toString).toList());
            Platform.runLater(() -> status.setAcceleration(text));
        });
        // Skill files from before the store (or from a copy without one) may hold secrets in plain text: move
        // them now, off the way to the window, and say so.
        Workspace opened = workspace;
        ctx.tasks().runQuietly(p -> opened.moveSecretsToStore(), moved -> {
            if (!moved.isEmpty()) {
                showStartupNote(status, "Secrets saved in plain text by an earlier version moved to the credential"
                        + " store: " + String.join(", ", moved));
            }
        }, e -> showStartupNote(status, "Secrets saved in plain text could not be moved to the credential store: "
                + e.getMessage()));
        ctx.currentSkillIdProperty().set(DemoWorkspace.SKILL_ID);
        theme = Theme.of(state.theme());
        preview = new PreviewPage(ctx);
        options.extraSources().forEach(preview::addSource);
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
        if (settingsProblem != null) {
            offerSettingsRepair(stage, workspace, settingsProblem, status);
        }
        if (demoLater) {
            prepareDemo(workspace, catalog);
        } else {
            demoReady.complete(null);
        }
        if (options.screenshotDir() != null) {
            takeScreenshots(scene, options.screenshotDir(), 0);
            return;
        }
        if (options.smokeTest()) {
            long ms = System.currentTimeMillis()
                    - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("SMOKE OK: Skill Designer started on workspace " + workspace.root()
                    + "; first window after " + ms + " ms from JVM start");
            Platform.exit();
        }
    }

    /** Started anyway; says what is wrong and offers to repair (the unreadable file is kept beside). */
    private static void offerSettingsRepair(Stage stage, Workspace workspace, String problem, AppStatusBar status) {
        status.setWorkspace(workspace.root() + " (settings.json unreadable: defaults in use)");
        ButtonType repair = new ButtonType("Repair");
        ButtonType leave = new ButtonType("Leave as is", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, "The workspace settings cannot be read:\n" + problem
                + "\n\nSkill Designer started with default settings. Repair keeps the unreadable file as "
                + Workspace.SETTINGS_FILE + ".corrupt and writes fresh settings. Skills and models are not touched.",
                repair, leave);
        a.initOwner(stage);
        a.setHeaderText("settings.json is damaged");
        a.setOnHidden(e -> {
            if (a.getResult() != repair) {
                return;
            }
            try {
                Path kept = DemoWorkspace.repairSettings(workspace);
                status.setWorkspace(workspace.root() + " (settings repaired; old file kept as " + kept.getFileName()
                        + ")");
            } catch (IOException ex) {
                new Alert(Alert.AlertType.ERROR, "Repair failed: " + ex.getMessage()).show();
            }
        });
        a.show();
    }

    /**
     * The first start's demo content (video, two model imports, skill) is made after the window is shown, so the
     * first window comes as fast as on an existing workspace; the shown page refreshes when it is ready.
     */
    private void prepareDemo(Workspace workspace, NodeCatalog catalog) {
        ctx.tasks().run("Preparing the demo: a video, two models and a skill…", p -> {
            DemoWorkspace.addDemo(workspace, catalog);
            return null;
        }, done -> {
            shell.page(shell.currentPageId()).onShow();
            // after the status bar has let go of the task's message
            Platform.runLater(() -> ctx.statusBar().setText("The demo is ready: press Preview on its card"));
            demoReady.complete(null);
        }, failure -> {
            Platform.runLater(() -> ctx.statusBar().setText("The demo could not be prepared: "
                    + failure.getMessage()));
            demoReady.completeExceptionally(failure);
        });
    }

    /** Completes when the demo content exists (at once on an existing workspace); for tests. */
    CompletableFuture<Void> demoReady() {
        return demoReady;
    }

    private void installShortcuts(Scene scene, List<Page> pages) {
        for (int i = 0; i < pages.size(); i++) {
            String id = pages.get(i).id();
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.getKeyCode(Integer.toString(i + 1)),
                    KeyCombination.SHORTCUT_DOWN), () -> shell.show(id));
        }
    }

    /**
     * Saves a PNG of every page, one after the other without blocking the FX thread; the Live Preview page is
     * captured while the current skill runs. Exits when done.
     */
    private void takeScreenshots(Scene scene, Path dir, int index) {
        List<String> ids = shell.pageIds();
        if (index >= ids.size()) {
            Platform.exit();
            return;
        }
        String id = ids.get(index);
        shell.show(id);
        boolean running = id.equals(preview.id());
        if (running) {
            preview.start();
        }
        PauseTransition wait = new PauseTransition(Duration.seconds(running ? 10 : 1));
        wait.setOnFinished(e -> {
            try {
                Screenshots.save(scene, dir.resolve(id + ".png"));
            } catch (IOException ex) {
                System.err.println("Screenshot of " + id + " failed: " + ex.getMessage());
            }
            if (running) {
                preview.stop();
            }
            takeScreenshots(scene, dir, index + 1);
        });
        wait.play();
    }

    /** For tests. */
    AppShell shell() {
        return shell;
    }

    AppContext context() {
        return ctx;
    }

    /** The app's end: a running preview stops (also when no window was closed), and its engine's end is awaited. */
    @Override
    public void stop() {
        if (preview != null) {
            preview.stop();
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    /** A note from the start-up work: logged, and shown unless a running task's progress owns the status text. */
    private static void showStartupNote(AppStatusBar status, String text) {
        System.getLogger(SkillDesignerApp.class.getName()).log(System.Logger.Level.INFO, text);
        if (!status.textProperty().isBound()) {
            status.setText(text);
        }
    }
}
