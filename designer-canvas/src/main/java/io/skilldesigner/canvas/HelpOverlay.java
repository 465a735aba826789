package io.skilldesigner.canvas;

import java.util.List;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, shown over the canvas (F1 or ? toggles it, Escape closes it). */
final class HelpOverlay extends StackPane {
    record Shortcut(String keys, String action) {
    }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Click / Shift+Click / Ctrl+Click", "Select / add to selection / toggle"),
            new Shortcut("Drag on empty canvas", "Select with a rubber band"),
            new Shortcut("Drag a node", "Move (snaps to the grid)"),
            new Shortcut("Drag from a port", "Connect (compatible ports light up)"),
            new Shortcut("Right or middle drag, arrow keys", "Pan"),
            new Shortcut("Mouse wheel, + / -", "Zoom"),
            new Shortcut("0 or F", "Fit the skill to the view"),
            new Shortcut("Delete / Backspace", "Delete selection"),
            new Shortcut("F2, double-click the name", "Rename node"),
            new Shortcut("Ctrl+C / Ctrl+X / Ctrl+V", "Copy / cut / paste"),
            new Shortcut("Ctrl+D", "Duplicate"),
            new Shortcut("Ctrl+A", "Select all"),
            new Shortcut("Ctrl+Z / Ctrl+Y, Ctrl+Shift+Z", "Undo / redo"),
            new Shortcut("Ctrl+L", "Automatic layout"),
            new Shortcut("F1 or ?", "Show or hide this help"),
            new Shortcut("Escape", "Clear selection, close help"));

    HelpOverlay() {
        setId("help-overlay");
        getStyleClass().add(CanvasStyles.HELP_OVERLAY);
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        for (int i = 0; i < SHORTCUTS.size(); i++) {
            Label k = new Label(SHORTCUTS.get(i).keys());
            k.getStyleClass().add(CanvasStyles.HELP_KEYS);
            grid.add(k, 0, i);
            grid.add(new Label(SHORTCUTS.get(i).action()), 1, i);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(CanvasStyles.HELP_TITLE);
        VBox card = new VBox(10, title, grid, new Label("Press F1 or Escape to close."));
        card.getStyleClass().add(CanvasStyles.HELP_CARD);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        // the card's size must not become the editor's minimum: a small embedded editor (the preview's mini
        // graph) would otherwise overflow its place
        setMinSize(0, 0);
        setOnMouseClicked(e -> setVisible(false));
    }
}
