package io.skilldesigner.app;

import java.util.prefs.Preferences;

import javafx.stage.Stage;

/** Window position, size, maximised flag, theme and last page, remembered between runs (Java preferences). */
public record WindowState(double x, double y, double width, double height, boolean maximized, String theme,
                          String page) {
    private static final WindowState DEFAULT = new WindowState(Double.NaN, Double.NaN, 1280, 800, false, "light",
            "skills");

    public static WindowState load(Preferences prefs) {
        return new WindowState(prefs.getDouble("x", DEFAULT.x), prefs.getDouble("y", DEFAULT.y),
                prefs.getDouble("width", DEFAULT.width), prefs.getDouble("height", DEFAULT.height),
                prefs.getBoolean("maximized", DEFAULT.maximized), prefs.get("theme", DEFAULT.theme),
                prefs.get("page", DEFAULT.page));
    }

    public void save(Preferences prefs) {
        prefs.putDouble("x", x);
        prefs.putDouble("y", y);
        prefs.putDouble("width", width);
        prefs.putDouble("height", height);
        prefs.putBoolean("maximized", maximized);
        prefs.put("theme", theme);
        prefs.put("page", page);
    }

    public void applyTo(Stage stage) {
        stage.setWidth(Math.max(800, width));
        stage.setHeight(Math.max(560, height));
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        stage.setMaximized(maximized);
    }

    public static WindowState of(Stage stage, String theme, String page) {
        return new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), stage.isMaximized(),
                theme, page);
    }
}
