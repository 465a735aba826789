package io.skilldesigner.canvas.properties;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * STRING_LIST: the entries in a list with an add field and a remove button. The add field offers suggestions
 * (for label lists: the labels of the models upstream).
 */
final class StringListSettingEditor extends SettingEditor {
    private final ListView<String> list = new ListView<>();
    private final ComboBox<String> entry = new ComboBox<>();
    private final javafx.collections.ObservableList<String> all = javafx.collections.FXCollections.observableArrayList();
    private final javafx.collections.transformation.FilteredList<String> shown =
            new javafx.collections.transformation.FilteredList<>(all);
    private final VBox box;

    StringListSettingEditor(Supplier<List<String>> suggestions) {
        list.setPrefHeight(96);
        entry.setEditable(true);
        entry.setPromptText("Add…");
        entry.setMaxWidth(Double.MAX_VALUE);
        entry.setItems(shown);
        entry.setOnShowing(e -> all.setAll(suggestions.get().stream()
                .filter(s -> !list.getItems().contains(s)).toList()));
        all.setAll(suggestions.get());
        // type-ahead: typing narrows the suggestions to those containing the text (1000 labels are many to scroll)
        entry.getEditor().textProperty().addListener((o, was, typed) -> {
            String q = typed == null ? "" : typed.trim().toLowerCase(java.util.Locale.ROOT);
            shown.setPredicate(s -> q.isEmpty() || s.toLowerCase(java.util.Locale.ROOT).contains(q));
            if (entry.getEditor().isFocused() && !q.isEmpty() && !shown.isEmpty() && !entry.isShowing()) {
                entry.show();
            }
        });
        Button add = new Button("Add");
        Button remove = new Button("Remove");
        // a narrow properties panel shrinks the field, never the buttons to "..."
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> add());
        entry.getEditor().setOnAction(e -> add());
        remove.setOnAction(e -> {
            String s = list.getSelectionModel().getSelectedItem();
            if (s != null) {
                List<String> now = new ArrayList<>(list.getItems());
                now.remove(s);
                list.getItems().setAll(now);
                fire(Edit.ok(List.copyOf(now)));
            }
        });
        HBox row = new HBox(4, entry, add, remove);
        HBox.setHgrow(entry, Priority.ALWAYS);
        box = new VBox(4, list, row);
    }

    private void add() {
        String text = entry.getEditor().getText();
        if (text == null || text.isBlank()) {
            text = entry.getValue();
        }
        if (text == null || text.isBlank() || list.getItems().contains(text.trim())) {
            return;
        }
        List<String> now = new ArrayList<>(list.getItems());
        now.add(text.trim());
        list.getItems().setAll(now);
        entry.getEditor().clear();
        entry.setValue(null);
        fire(Edit.ok(List.copyOf(now)));
    }

    /** The suggestions the add field offers now (for tests). */
    List<String> suggestions() {
        return List.copyOf(entry.getItems());
    }

    ComboBox<String> entryField() {
        return entry;
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Control control() {
        return list;
    }

    @Override
    protected void display(Object value) {
        List<String> v = value instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of();
        if (!v.equals(list.getItems())) {
            list.getItems().setAll(v);
        }
    }
}
