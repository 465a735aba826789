package io.skilldesigner.canvas.properties;

import java.util.function.Consumer;

import javafx.scene.Node;
import javafx.scene.control.Control;

import io.skilldesigner.core.skill.SkillNode;

/** An editor for one setting. It reports each user edit as a value to store or a reason the input is unusable. */
public abstract class SettingEditor {
    /** A user edit: the canonical value (null removes the setting), or an error when the text cannot be used. */
    public record Edit(Object value, String error) {
        static Edit ok(Object v) {
            return new Edit(v, null);
        }

        static Edit bad(String why) {
            return new Edit(null, why);
        }
    }

    /** The user ticked or un-ticked "secret": of the whole setting ({@code entry} null) or of one entry. */
    public record MarkEdit(String entry, boolean secret) {
    }

    private Consumer<Edit> onEdit = e -> { };
    private Consumer<MarkEdit> onMark = e -> { };
    private boolean showing;

    /** The whole editor (field plus any buttons). */
    public abstract Node node();

    /** The main input control: gets the id, the validation decoration and the focus. */
    public abstract Control control();

    /** Shows a value from the skill; does not report it back as an edit. */
    public final void show(Object value) {
        showing = true;
        try {
            display(value);
        } finally {
            showing = false;
        }
    }

    protected abstract void display(Object value);

    /** Shows the node's secret ticks (explicit, or what the heuristic suggests); not reported back as an edit. */
    public final void showMarks(SkillNode node) {
        showing = true;
        try {
            displayMarks(node);
        } finally {
            showing = false;
        }
    }

    /** Editors without a "secret" tick show nothing. */
    protected void displayMarks(SkillNode node) {
    }

    public void setOnMark(Consumer<MarkEdit> c) {
        onMark = c;
    }

    protected final void fireMark(MarkEdit m) {
        if (!showing) {
            onMark.accept(m);
        }
    }

    public void setOnEdit(Consumer<Edit> c) {
        onEdit = c;
    }

    protected final void fire(Edit e) {
        if (!showing) {
            onEdit.accept(e);
        }
    }
}
