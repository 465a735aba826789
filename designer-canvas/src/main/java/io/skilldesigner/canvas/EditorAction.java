package io.skilldesigner.canvas;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;

/**
 * One thing the editor does on a key press or a toolbar button, defined once: the key handling, the buttons'
 * tooltips and the help overlay all read the table of these ({@link EditorActions}).
 *
 * @param id       stable name; a toolbar button for it has the id {@code id + "-button"}
 * @param label    what it does, as a button's tooltip says it ("Undo")
 * @param keysText its keys as people are told them ("Ctrl+Z"), in tooltips and help
 * @param keys     which key presses run it
 * @param run      what it does
 * @param enabled  when it can run, by key or button; null: always
 * @param help     the help overlay's row that lists it ("Undo / redo"); actions with the same row share it
 */
public record EditorAction(String id, String label, String keysText, Predicate<KeyEvent> keys, Runnable run,
        ObservableBooleanValue enabled, String help) {

    public boolean isEnabled() {
        return enabled == null || enabled.get();
    }

    /** A button's tooltip: the label and the keys. */
    public String tooltip() {
        return label + " (" + keysText + ")";
    }

    /** Presses matching any of the combinations, e.g. {@code "Shortcut+Z"} (other modifiers must be up). */
    public static Predicate<KeyEvent> combos(String... combinations) {
        List<KeyCombination> parsed = Arrays.stream(combinations).map(KeyCombination::keyCombination).toList();
        return e -> parsed.stream().anyMatch(c -> c.match(e));
    }

    /** Presses of any of the keys, whatever modifiers are held. */
    public static Predicate<KeyEvent> codes(KeyCode... codes) {
        Set<KeyCode> set = Set.of(codes);
        return e -> set.contains(e.getCode());
    }

    /** Presses that type this text (e.g. "?", whichever keys make it on the keyboard). */
    public static Predicate<KeyEvent> typing(String text) {
        return e -> text.equals(e.getText());
    }
}
