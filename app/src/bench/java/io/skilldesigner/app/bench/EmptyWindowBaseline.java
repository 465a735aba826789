package io.skilldesigner.app.bench;

import java.lang.management.ManagementFactory;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The floor for the cold-start measure: a JavaFX window with one label on the app's class path, reporting
 * "first window after N ms from JVM start" like {@code Launcher --smoke-test}. Run it through
 * {@link ColdStartBenchmark} with {@code --main io.skilldesigner.app.bench.EmptyWindowBaseline}; the app's own
 * start-up work is the difference.
 */
public final class EmptyWindowBaseline {
    private EmptyWindowBaseline() {
    }

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    /** Public for the JavaFX launcher. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new StackPane(new Label("baseline")), 1280, 800));
            stage.show();
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.out.println("SMOKE OK: baseline window; first window after " + ms + " ms from JVM start");
            Platform.exit();
        }
    }
}
