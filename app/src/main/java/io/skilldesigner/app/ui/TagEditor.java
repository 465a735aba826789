package io.skilldesigner.app.ui;

import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.skill.Tag;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Name/value tags, as the portal's Tags step. */
public final class TagEditor extends VBox {
    /** Editable row. */
    public static final class Row {
        final SimpleStringProperty name = new SimpleStringProperty("");
        final SimpleStringProperty value = new SimpleStringProperty("");
    }

    private final ObservableList<Row> rows = FXCollections.observableArrayList();

    public TagEditor(String id) {
        super(8);
        setId(id);
        TableView<Row> table = new TableView<>(rows);
        table.setEditable(true);
        TableColumn<Row, String> name = new TableColumn<>("Name");
        name.setCellValueFactory(c -> c.getValue().name);
        name.setCellFactory(TextFieldTableCell.forTableColumn());
        TableColumn<Row, String> value = new TableColumn<>("Value");
        value.setCellValueFactory(c -> c.getValue().value);
        value.setCellFactory(TextFieldTableCell.forTableColumn());
        table.getColumns().setAll(List.of(name, value));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TextField newName = new TextField();
        newName.setId(id + "-name");
        newName.setPromptText("name");
        TextField newValue = new TextField();
        newValue.setId(id + "-value");
        newValue.setPromptText("value");
        Button add = new Button("Add tag");
        add.setId(id + "-add");
        add.setOnAction(e -> {
            if (!newName.getText().isBlank()) {
                Row r = new Row();
                r.name.set(newName.getText().trim());
                r.value.set(newValue.getText().trim());
                rows.add(r);
                newName.clear();
                newValue.clear();
            }
        });
        Button remove = new Button("Remove");
        remove.setOnAction(e -> rows.removeAll(table.getSelectionModel().getSelectedItems()));
        getChildren().addAll(table, new HBox(6, newName, newValue, add, remove));
    }

    public void setTags(List<Tag> tags) {
        rows.clear();
        for (Tag t : tags) {
            Row r = new Row();
            r.name.set(t.name());
            r.value.set(t.value());
            rows.add(r);
        }
    }

    public List<Tag> tags() {
        List<Tag> out = new ArrayList<>();
        rows.stream().filter(r -> !r.name.get().isBlank()).forEach(r -> out.add(new Tag(r.name.get().trim(),
                r.value.get())));
        return out;
    }

    /** Duplicate names are a mistake the user should see before creating. */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Tag t : tags()) {
            if (seen.contains(t.name())) {
                out.add("Tag '" + t.name() + "' appears twice");
            }
            seen.add(t.name());
        }
        return out;
    }
}
