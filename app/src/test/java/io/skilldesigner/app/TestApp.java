package io.skilldesigner.app;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Assertions;

import io.skilldesigner.core.secrets.EncryptedFileSecretStore;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** The real application started headless for end-to-end tests, with its first-start demo content ready. */
final class TestApp {
    private TestApp() {
    }

    static SkillDesignerApp start(Path workspace) throws Exception {
        // Secrets of a test go to its own folder beside the workspace, never the user's keyring or config.
        System.setProperty(EncryptedFileSecretStore.DIR_PROPERTY, workspace.resolveSibling("secrets").toString());
        FxToolkit.registerPrimaryStage();
        SkillDesignerApp app = (SkillDesignerApp) FxToolkit.setupApplication(SkillDesignerApp.class, "--workspace",
                workspace.toString());
        // the first start makes the demo after the window is shown
        app.demoReady().get(120, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    static void stop(SkillDesignerApp app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        System.clearProperty(EncryptedFileSecretStore.DIR_PROPERTY);
    }

    static void waitUntil(String what, long seconds, BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return condition.getAsBoolean();
        });
        Assertions.assertTrue(condition.getAsBoolean(), what);
    }
}
