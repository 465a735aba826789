package io.skilldesigner.canvas.edit;

import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;

import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;

/**
 * The editor's document: the current skill, its undo history, the selection and the dirty flag. Every edit goes
 * through {@link #apply}, which records the before/after snapshots.
 */
public final class EditorModel {
    private final ObjectProperty<Skill> skill = new SimpleObjectProperty<>(this, "skill");
    private final BooleanProperty dirty = new SimpleBooleanProperty(this, "dirty");
    private final BooleanProperty canUndo = new SimpleBooleanProperty(this, "canUndo");
    private final BooleanProperty canRedo = new SimpleBooleanProperty(this, "canRedo");
    private final ReadOnlyStringWrapper lastAction = new ReadOnlyStringWrapper(this, "lastAction", "");
    private final ObservableSet<String> selectedNodes = FXCollections.observableSet();
    private final ObservableSet<SkillEdge> selectedEdges = FXCollections.observableSet();
    private final EditHistory history = new EditHistory(1000);
    private Skill saved;
    private boolean internal;

    public EditorModel(Skill initial) {
        load(initial);
        // a skill set from outside through the property is an edit too, so it can be undone
        skill.addListener((obs, old, now) -> {
            if (!internal && old != null && now != null && !old.equals(now)) {
                history.record(new EditHistory.Entry("Replace skill", old, now, null));
                afterChange();
            }
        });
    }

    /** Opens a skill: clears history and selection, marks it saved. */
    public void load(Skill s) {
        Objects.requireNonNull(s, "skill");
        history.clear();
        selectedNodes.clear();
        selectedEdges.clear();
        saved = s;
        set(s);
        afterChange();
    }

    public Skill skill() {
        return skill.get();
    }

    public ObjectProperty<Skill> skillProperty() {
        return skill;
    }

    /** Applies an edit as one undoable step; no step is recorded when nothing changes. */
    public boolean apply(String label, UnaryOperator<Skill> change) {
        return apply(label, null, change);
    }

    /** Like {@link #apply(String, UnaryOperator)}, merging with the previous step when the merge key is equal. */
    public boolean apply(String label, String mergeKey, UnaryOperator<Skill> change) {
        Skill before = skill.get();
        Skill after = change.apply(before);
        if (after.equals(before)) {
            return false;
        }
        history.record(new EditHistory.Entry(label, before, after, mergeKey));
        set(after);
        lastAction.set(label);
        afterChange();
        return true;
    }

    public void closeMerge() {
        history.closeMerge();
    }

    public boolean undo() {
        return history.undo().map(e -> {
            set(e.before());
            lastAction.set("Undo " + e.label());
            afterChange();
            return true;
        }).orElse(false);
    }

    public boolean redo() {
        return history.redo().map(e -> {
            set(e.after());
            lastAction.set("Redo " + e.label());
            afterChange();
            return true;
        }).orElse(false);
    }

    public void markSaved() {
        saved = skill.get();
        afterChange();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo;
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo;
    }

    public ReadOnlyStringProperty lastActionProperty() {
        return lastAction.getReadOnlyProperty();
    }

    public ObservableSet<String> selectedNodes() {
        return selectedNodes;
    }

    public ObservableSet<SkillEdge> selectedEdges() {
        return selectedEdges;
    }

    public void select(Collection<String> nodes, Collection<SkillEdge> edges) {
        selectedNodes.retainAll(Set.copyOf(nodes));
        selectedNodes.addAll(nodes);
        selectedEdges.retainAll(Set.copyOf(edges));
        selectedEdges.addAll(edges);
    }

    public void clearSelection() {
        selectedNodes.clear();
        selectedEdges.clear();
    }

    private void set(Skill s) {
        internal = true;
        try {
            skill.set(s);
        } finally {
            internal = false;
        }
    }

    private void afterChange() {
        Skill s = skill.get();
        Set<String> ids = GraphEdits.nodeIds(s);
        selectedNodes.retainAll(ids);
        selectedEdges.retainAll(Set.copyOf(s.edges()));
        dirty.set(!s.equals(saved));
        canUndo.set(history.canUndo());
        canRedo.set(history.canRedo());
    }
}
