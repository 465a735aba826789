package io.skilldesigner.canvas;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The mouse gestures and the keyboard shortcuts, shown over the canvas (F1 or ? toggles it, Escape closes it). The
 * shortcuts come from the editor's action table, one row per help row of the actions.
 */
final class HelpOverlay extends StackPane {
    record Shortcut(String keys, String action) {
    }

    /** The mouse gestures (one class each in the graph package); they are not actions with keys. */
    static final List<Shortcut> GESTURES = List.of(
            new Shortcut("Click / Shift+Click / Ctrl+Click", "Select / add to selection / toggle"),
            new Shortcut("Drag on empty canvas", "Select with a rubber band"),
            new Shortcut("Drag a node", "Move (snaps to the grid)"),
            new Shortcut("Drag from a port", "Connect (compatible ports light up)"),
            new Shortcut("Right or middle drag", "Pan"),
            new Shortcut("Mouse wheel", "Zoom"));

    /** The gestures, then the actions' rows: actions listed in the same row join their keys ("Ctrl+C / Ctrl+X"). */
    static List<Shortcut> rows(List<EditorAction> actions) {
        Map<String, Set<String>> keysByRow = new LinkedHashMap<>();
        for (EditorAction a : actions) {
            keysByRow.computeIfAbsent(a.help(), k -> new LinkedHashSet<>()).add(a.keysText());
        }
        List<Shortcut> rows = new ArrayList<>(GESTURES);
        keysByRow.forEach((row, keys) -> rows.add(new Shortcut(String.join(" / ", keys), row)));
        return rows;
    }

    HelpOverlay(List<EditorAction> actions) {
        List<Shortcut> rows = rows(actions);
        setId("help-overlay");
        getStyleClass().add(CanvasStyles.HELP_OVERLAY);
        GridPane grid = new GridPane();
        grid.setHgap(18);
        grid.setVgap(4);
        for (int i = 0; i < rows.size(); i++) {
            Label k = new Label(rows.get(i).keys());
            k.getStyleClass().add(CanvasStyles.HELP_KEYS);
            grid.add(k, 0, i);
            grid.add(new Label(rows.get(i).action()), 1, i);
        }
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add(CanvasStyles.HELP_TITLE);
        VBox card = new VBox(10, title, grid, new Label("Press F1 or Escape to close."));
        card.getStyleClass().add(CanvasStyles.HELP_CARD);
        card.setMaxSize(VBox.USE_PREF_SIZE, VBox.USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        // the card's size must not become the editor's minimum: a small embedded editor would otherwise overflow
        // its place
        setMinSize(0, 0);
        setOnMouseClicked(e -> setVisible(false));
    }
}
