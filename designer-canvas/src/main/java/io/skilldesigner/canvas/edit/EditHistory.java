package io.skilldesigner.canvas.edit;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;

import io.skilldesigner.core.skill.Skill;

/**
 * Undo/redo over immutable skill snapshots: every command is recorded as the skill before and after it, so
 * undoing any kind of edit (moves, settings, paste, layout) is the same operation.
 */
public final class EditHistory {
    /** One recorded command. {@code mergeKey} lets consecutive keystrokes in one field become one step. */
    public record Entry(String label, Skill before, Skill after, String mergeKey) {
        public Entry {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            mergeKey = mergeKey == null ? "" : mergeKey;
        }
    }

    private final int limit;
    private final Deque<Entry> undo = new ArrayDeque<>();
    private final Deque<Entry> redo = new ArrayDeque<>();
    private boolean mergeOpen;

    public EditHistory(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("history limit must be at least 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Records a command; merges it into the previous one when both carry the same non-empty merge key. */
    public void record(Entry e) {
        redo.clear();
        Entry last = undo.peek();
        if (mergeOpen && last != null && !e.mergeKey().isEmpty() && e.mergeKey().equals(last.mergeKey())) {
            undo.pop();
            undo.push(new Entry(last.label(), last.before(), e.after(), last.mergeKey()));
        } else {
            undo.push(e);
            while (undo.size() > limit) {
                undo.removeLast();
            }
        }
        mergeOpen = !e.mergeKey().isEmpty();
    }

    /** Ends merging, so the next edit of the same field becomes its own step (e.g. when the field loses focus). */
    public void closeMerge() {
        mergeOpen = false;
    }

    public Optional<Entry> undo() {
        mergeOpen = false;
        if (undo.isEmpty()) {
            return Optional.empty();
        }
        Entry e = undo.pop();
        redo.push(e);
        return Optional.of(e);
    }

    public Optional<Entry> redo() {
        mergeOpen = false;
        if (redo.isEmpty()) {
            return Optional.empty();
        }
        Entry e = redo.pop();
        undo.push(e);
        return Optional.of(e);
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    public Optional<String> undoLabel() {
        return Optional.ofNullable(undo.peek()).map(Entry::label);
    }

    public Optional<String> redoLabel() {
        return Optional.ofNullable(redo.peek()).map(Entry::label);
    }

    public void clear() {
        undo.clear();
        redo.clear();
        mergeOpen = false;
    }
}
