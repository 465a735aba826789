package io.skilldesigner.app;

import javafx.application.Application;

/**
 * Plain main class: JavaFX refuses to start an Application subclass as the main class from the class path,
 * so the launcher (and jpackage) start here.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(SkillDesignerApp.class, args);
    }
}
