package io.skilldesigner.app.bench;

import javafx.application.Platform;

/** The end of a benchmark's JVM. */
final class BenchExit {
    private static final String FX_THREAD = "JavaFX Application Thread";

    private BenchExit() {
    }

    /**
     * Stops JavaFX first where it runs (its last pulses ended in a NullPointerException from Prism when the JVM
     * went under them), then ends the JVM, whatever non-daemon threads a library left.
     */
    static void exit() throws InterruptedException {
        Thread fx = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(FX_THREAD))
                .findFirst().orElse(null);
        if (fx != null) {
            Platform.exit();
            fx.join(5000);
        }
        System.exit(0);
    }
}
