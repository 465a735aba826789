package io.skilldesigner.core.kan;

import java.util.List;

import io.skilldesigner.core.skill.Skill;

/** An imported KAN skill and what the user should know about the import. */
public record KanImport(Skill skill, List<KanImportNote> notes) {
    public KanImport {
        notes = List.copyOf(notes);
    }

    public List<KanImportNote> warnings() {
        return notes.stream().filter(KanImportNote::isWarning).toList();
    }
}
