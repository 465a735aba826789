package io.skilldesigner.app;

import javafx.scene.Scene;

/** Light and dark stylesheets on top of Modena. */
public enum Theme {
    LIGHT("light"), DARK("dark");

    private final String id;

    Theme(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Theme of(String id) {
        return "dark".equalsIgnoreCase(id) ? DARK : LIGHT;
    }

    public void applyTo(Scene scene) {
        scene.getStylesheets().setAll(
                Theme.class.getResource("app.css").toExternalForm(),
                Theme.class.getResource(id + ".css").toExternalForm());
    }
}
