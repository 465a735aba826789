package io.skilldesigner.app;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** Main window layout: navigation on the left, the current page in the centre, status bar at the bottom. */
public final class AppShell extends BorderPane {
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, ToggleButton> buttons = new LinkedHashMap<>();
    private final StackPane content = new StackPane();
    private final ToggleGroup group = new ToggleGroup();
    private Page current;

    public AppShell(List<Page> pageList, AppStatusBar statusBar) {
        getStyleClass().add("app-shell");
        VBox nav = new VBox(4);
        nav.getStyleClass().add("nav");
        nav.setPadding(new Insets(12, 8, 12, 8));
        Label brand = new Label("Skill Designer");
        brand.getStyleClass().add("brand");
        nav.getChildren().add(brand);
        for (Page p : pageList) {
            pages.put(p.id(), p);
            ToggleButton b = new ToggleButton(p.title());
            b.setId("nav-" + p.id());
            b.setToggleGroup(group);
            b.setMaxWidth(Double.MAX_VALUE);
            b.getStyleClass().add("nav-button");
            b.setOnAction(e -> show(p.id()));
            buttons.put(p.id(), b);
            nav.getChildren().add(b);
        }
        group.selectedToggleProperty().addListener((obs, old, now) -> {
            if (now == null && old != null) {
                old.setSelected(true); // a navigation always has one page selected
            }
        });
        content.getStyleClass().add("page");
        setLeft(nav);
        setCenter(content);
        setBottom(statusBar);
    }

    public void show(String pageId) {
        Page p = pages.get(pageId);
        if (p == null) {
            throw new IllegalArgumentException("no page '" + pageId + "'");
        }
        if (current != null && current != p && !current.canLeave()) {
            buttons.get(current.id()).setSelected(true);
            return;
        }
        current = p;
        buttons.get(pageId).setSelected(true);
        content.getChildren().setAll(p.view());
        p.onShow();
    }

    public String currentPageId() {
        return current == null ? null : current.id();
    }

    public List<String> pageIds() {
        return List.copyOf(pages.keySet());
    }

    public Page page(String id) {
        return pages.get(id);
    }
}
