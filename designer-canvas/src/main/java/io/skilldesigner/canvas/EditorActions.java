package io.skilldesigner.canvas;

import static io.skilldesigner.canvas.EditorAction.codes;
import static io.skilldesigner.canvas.EditorAction.combos;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.canvas.graph.GraphCanvas;

/**
 * The editor's action table: every keyboard shortcut once, in the order keys are matched (the first enabled action
 * whose keys match runs). The toolbar takes its tooltips and the help overlay its rows from here.
 */
final class EditorActions {
    private static final double PAN_STEP = 50;
    private static final double PAN_STEP_FAR = 200;

    private EditorActions() {
    }

    static List<EditorAction> of(SkillEditor editor, EditorModel model, GraphCanvas canvas) {
        List<EditorAction> a = new ArrayList<>();
        a.add(new EditorAction("undo", "Undo", "Ctrl+Z", combos("Shortcut+Z"), editor::undo,
                model.canUndoProperty(), "Undo / redo"));
        a.add(new EditorAction("redo", "Redo", "Ctrl+Y, Ctrl+Shift+Z", combos("Shortcut+Y", "Shortcut+Shift+Z"),
                editor::redo, model.canRedoProperty(), "Undo / redo"));
        a.add(always("copy", "Copy", "Ctrl+C", combos("Shortcut+C"), editor::copy, "Copy / cut / paste"));
        a.add(always("cut", "Cut", "Ctrl+X", combos("Shortcut+X"), editor::cut, "Copy / cut / paste"));
        a.add(always("paste", "Paste", "Ctrl+V", combos("Shortcut+V"), editor::paste, "Copy / cut / paste"));
        a.add(always("duplicate", "Duplicate", "Ctrl+D", combos("Shortcut+D"), editor::duplicate, "Duplicate"));
        a.add(always("select-all", "Select all", "Ctrl+A", combos("Shortcut+A"), editor::selectAll, "Select all"));
        a.add(always("layout", "Automatic layout", "Ctrl+L", combos("Shortcut+L"), editor::autoLayout,
                "Automatic layout"));
        a.add(always("delete", "Delete selection", "Delete / Backspace", codes(KeyCode.DELETE, KeyCode.BACK_SPACE),
                editor::deleteSelection, "Delete selection"));
        a.add(always("help", "Keyboard shortcuts", "F1 or ?", codes(KeyCode.F1).or(EditorAction.typing("?")),
                () -> editor.showHelp(!editor.isHelpShown()), "Show or hide this help"));
        a.add(always("escape", "Close help or clear selection", "Escape", codes(KeyCode.ESCAPE), () -> {
            if (editor.isHelpShown()) {
                editor.showHelp(false);
            } else {
                model.clearSelection();
            }
        }, "Clear selection, close help"));
        a.add(new EditorAction("rename", "Rename node", "F2, double-click the name", codes(KeyCode.F2),
                () -> canvas.nodeView(model.selectedNodes().iterator().next()).ifPresent(v -> v.startRename()),
                Bindings.size(model.selectedNodes()).isEqualTo(1), "Rename node"));
        a.add(always("zoom-in", "Zoom in", "+", codes(KeyCode.PLUS, KeyCode.ADD, KeyCode.EQUALS), editor::zoomIn,
                "Zoom in / out"));
        a.add(always("zoom-out", "Zoom out", "-", codes(KeyCode.MINUS, KeyCode.SUBTRACT), editor::zoomOut,
                "Zoom in / out"));
        a.add(always("fit", "Fit to view", "0 or F", codes(KeyCode.DIGIT0, KeyCode.NUMPAD0, KeyCode.F),
                editor::fitToView, "Fit the skill to the view"));
        a.addAll(pan(canvas, "left", 1, 0, KeyCode.LEFT, KeyCode.KP_LEFT));
        a.addAll(pan(canvas, "right", -1, 0, KeyCode.RIGHT, KeyCode.KP_RIGHT));
        a.addAll(pan(canvas, "up", 0, 1, KeyCode.UP, KeyCode.KP_UP));
        a.addAll(pan(canvas, "down", 0, -1, KeyCode.DOWN, KeyCode.KP_DOWN));
        return List.copyOf(a);
    }

    /** Runs the first enabled action for the key press and consumes it; false when none matched. */
    static boolean handle(List<EditorAction> actions, KeyEvent e) {
        Optional<EditorAction> hit = actions.stream().filter(a -> a.keys().test(e) && a.isEnabled()).findFirst();
        hit.ifPresent(a -> {
            a.run().run();
            e.consume();
        });
        return hit.isPresent();
    }

    /** The action with this id (the toolbar's buttons). */
    static EditorAction find(List<EditorAction> actions, String id) {
        return actions.stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no editor action '" + id + "'"));
    }

    private static EditorAction always(String id, String label, String keysText, Predicate<KeyEvent> keys,
            Runnable run, String help) {
        return new EditorAction(id, label, keysText, keys, run, null, help);
    }

    /** Moving the view by a step (Shift: a larger one) with the arrow keys: the graph moves the other way. */
    private static List<EditorAction> pan(GraphCanvas canvas, String direction, int dx, int dy, KeyCode... keys) {
        Predicate<KeyEvent> pressed = codes(keys);
        return List.of(
                always("pan-" + direction, "Pan " + direction, "Arrow keys", pressed.and(e -> !e.isShiftDown()),
                        () -> canvas.viewport().panBy(dx * PAN_STEP, dy * PAN_STEP), "Pan (Shift: further)"),
                always("pan-" + direction + "-far", "Pan " + direction + " further", "Shift+arrow keys",
                        pressed.and(KeyEvent::isShiftDown),
                        () -> canvas.viewport().panBy(dx * PAN_STEP_FAR, dy * PAN_STEP_FAR), "Pan (Shift: further)"));
    }
}
