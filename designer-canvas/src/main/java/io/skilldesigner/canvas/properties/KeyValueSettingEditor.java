package io.skilldesigner.canvas.properties;

import java.util.LinkedHashMap;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.SkillNode;

/**
 * KEY_VALUE_LIST (e.g. environment variables) as an editable table: name, value and a "Secret" tick per entry
 * (pre-ticked by {@link Secrecy#suggested}, the user's tick wins; a ticked value is masked while not edited).
 */
final class KeyValueSettingEditor extends SettingEditor {
    private static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";
    private static final double SECRET_COLUMN_WIDTH = 64;

    /** One editable row. */
    static final class Row {
        final StringProperty key = new SimpleStringProperty();
        final StringProperty value = new SimpleStringProperty();
        final BooleanProperty secret = new SimpleBooleanProperty();

        Row(String k, String v) {
            key.set(k);
            value.set(v);
        }
    }

    private final TableView<Row> table = new TableView<>();
    private final VBox box;

    private final SettingSpec spec;

    KeyValueSettingEditor(SettingSpec spec) {
        this.spec = spec;
        table.setEditable(true);
        table.setPrefHeight(120);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        TableColumn<Row, String> k = new TableColumn<>("Name");
        k.setCellValueFactory(c -> c.getValue().key);
        k.setCellFactory(TextFieldTableCell.forTableColumn());
        k.setPrefWidth(130); // names (SESSION_TIMEOUT) are longer than most values and the table is narrow
        k.setOnEditCommit(e -> {
            e.getRowValue().key.set(e.getNewValue());
            fire(Edit.ok(current()));
        });
        TableColumn<Row, String> v = new TableColumn<>("Value");
        v.setCellValueFactory(c -> c.getValue().value);
        v.setCellFactory(c -> new MaskedCell());
        v.setPrefWidth(90);
        v.setOnEditCommit(e -> {
            e.getRowValue().value.set(e.getNewValue());
            fire(Edit.ok(current()));
        });
        TableColumn<Row, Boolean> secret = new TableColumn<>("Secret");
        secret.setCellValueFactory(c -> c.getValue().secret);
        secret.setCellFactory(CheckBoxTableCell.forTableColumn(secret));
        secret.setEditable(Secrecy.canUnmark(spec));
        // fixed width, wide enough for its header: the narrow panel gives the name and value the rest
        secret.setMinWidth(SECRET_COLUMN_WIDTH);
        secret.setPrefWidth(SECRET_COLUMN_WIDTH);
        secret.setMaxWidth(SECRET_COLUMN_WIDTH);
        secret.setResizable(false);
        table.getColumns().add(k);
        table.getColumns().add(v);
        table.getColumns().add(secret);
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
            table.getItems().add(row(name, ""));
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
            table.getItems().setAll(want.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList());
        }
    }

    /** A row whose tick, when the user changes it, becomes the entry's explicit mark. */
    private Row row(String k, String v) {
        Row r = new Row(k, v);
        r.secret.set(Secrecy.suggested(k, v) || !Secrecy.canUnmark(spec));
        r.secret.addListener((o, a, b) -> {
            table.refresh(); // re-mask the value cell
            if (r.key.get() != null && !r.key.get().isBlank()) {
                fireMark(new MarkEdit(r.key.get().trim(), b));
            }
        });
        return r;
    }

    @Override
    protected void displayMarks(SkillNode node) {
        for (Row r : table.getItems()) {
            String k = r.key.get() == null ? "" : r.key.get().trim();
            r.secret.set(Secrecy.entry(spec, node, spec.key(), k, r.value.get() == null ? "" : r.value.get()));
        }
    }

    /** The rows' ticks by name, for tests. */
    Map<String, Boolean> ticks() {
        Map<String, Boolean> out = new LinkedHashMap<>();
        table.getItems().forEach(r -> out.put(r.key.get(), r.secret.get()));
        return out;
    }

    /** Sets a row's tick as the user would. */
    void tick(String name, boolean secret) {
        table.getItems().stream().filter(r -> name.equals(r.key.get())).forEach(r -> r.secret.set(secret));
    }

    /** The value column: a secret entry's value is masked unless being edited. */
    private static final class MaskedCell extends TextFieldTableCell<Row, String> {
        MaskedCell() {
            super(new javafx.util.converter.DefaultStringConverter());
        }

        @Override
        public void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            Row r = getTableRow() == null ? null : getTableRow().getItem();
            if (!empty && !isEditing() && r != null && r.secret.get() && item != null && !item.isEmpty()) {
                setText(MASK);
            }
        }
    }
}
