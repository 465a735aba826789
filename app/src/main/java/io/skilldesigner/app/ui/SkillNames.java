package io.skilldesigner.app.ui;

import io.skilldesigner.core.skill.Skill;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/** Skill pickers show each skill by its name (its id is for files). */
public final class SkillNames {
    private SkillNames() {
    }

    /** Makes {@code box} show skill names, in its list and on its button. */
    public static void showIn(ComboBox<Skill> box) {
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Skill s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.name());
            }
        });
        box.setButtonCell(box.getCellFactory().call(null));
    }
}
