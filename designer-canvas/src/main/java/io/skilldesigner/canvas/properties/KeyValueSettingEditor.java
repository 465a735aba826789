package io.skilldesigner.canvas.properties;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** KEY_VALUE_LIST (e.g. environment variables) as an editable two-column table. */
final class KeyValueSettingEditor extends SettingEditor {
    /** One editable row. */
    static final class Row {
        final StringProperty key = new SimpleStringProperty();
        final StringProperty value = new SimpleStringProperty();

        Row(String k, String v) {
            key.set(k);
            value.set(v);
        }
    }

    private final TableView<Row> table = new TableView<>();
    private final VBox box;

    KeyValueSettingEditor() {
        table.setEditable(true);
        table.setPrefHeight(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Row, String> k = new TableColumn<>("Name");
        k.setCellValueFactory(c -> c.getValue().key);
        k.setCellFactory(TextFieldTableCell.forTableColumn());
        k.setOnEditCommit(e -> {
            e.getRowValue().key.set(e.getNewValue());
            fire(Edit.ok(current()));
        });
        TableColumn<Row, String> v = new TableColumn<>("Value");
        v.setCellValueFactory(c -> c.getValue().value);
        v.setCellFactory(TextFieldTableCell.forTableColumn());
        v.setOnEditCommit(e -> {
            e.getRowValue().value.set(e.getNewValue());
            fire(Edit.ok(current()));
        });
        table.getColumns().add(k);
        table.getColumns().add(v);
        Button add = new Button("Add");
        Button remove = new Button("Remove");
        // a narrow properties panel shrinks the field, never the buttons to "..."
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        add.setOnAction(e -> {
            int n = table.getItems().size() + 1;
            String name = "NAME_" + n;
            while (current().containsKey(name)) {
                name = "NAME_" + (++n);
            }
            table.getItems().add(new Row(name, ""));
            fire(Edit.ok(current()));
        });
        remove.setOnAction(e -> {
            Row r = table.getSelectionModel().getSelectedItem();
            if (r != null) {
                table.getItems().remove(r);
                fire(Edit.ok(current()));
            }
        });
        box = new VBox(4, table, new HBox(4, add, remove));
    }

    Map<String, String> current() {
        Map<String, String> out = new LinkedHashMap<>();
        table.getItems().forEach(r -> {
            if (r.key.get() != null && !r.key.get().isBlank()) {
                out.put(r.key.get().trim(), r.value.get() == null ? "" : r.value.get());
            }
        });
        return out;
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Control control() {
        return table;
    }

    @Override
    protected void display(Object value) {
        Map<?, ?> m = value instanceof Map<?, ?> map ? map : Map.of();
        Map<String, String> want = new LinkedHashMap<>();
        m.forEach((a, b) -> want.put(String.valueOf(a), String.valueOf(b)));
        if (!want.equals(current())) {
            table.getItems().setAll(want.entrySet().stream().map(e -> new Row(e.getKey(), e.getValue())).toList());
        }
    }
}
