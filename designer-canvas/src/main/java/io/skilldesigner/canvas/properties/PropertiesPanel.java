package io.skilldesigner.canvas.properties;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.controlsfx.validation.ValidationResult;
import org.controlsfx.validation.ValidationSupport;
import org.controlsfx.validation.decoration.StyleClassValidationDecoration;

import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import io.skilldesigner.canvas.edit.EditorModel;
import io.skilldesigner.canvas.edit.GraphEdits;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/**
 * Settings of the selected node, generated from its type's SettingSpecs: one editor per setting type, hidden when
 * the spec's enabledWhen is false, with help text and an inline message that updates as the user types (input
 * that cannot be parsed, plus the validator's problems for that setting). Each edit is an undoable step;
 * keystrokes in one field merge into one step until the field loses focus.
 */
public final class PropertiesPanel extends ScrollPane {
    private final NodeCatalog catalog;
    private final EditorModel model;
    private final Supplier<ModelLibrary> models;
    private final Supplier<Function<String, List<String>>> labelsOfModel;
    private final VBox content = new VBox(10);
    private final Map<String, Row> rows = new LinkedHashMap<>();
    private final Map<String, String> localErrors = new LinkedHashMap<>();
    private List<Problem> problems = List.of();
    private String nodeId;
    private ValidationSupport validation;
    private TextField nameField;
    private BiConsumer<String, String> onDrawOnFrame;

    /** One setting's row. */
    private record Row(SettingSpec spec, SettingEditor editor, VBox box, Label error) {
    }

    public PropertiesPanel(NodeCatalog catalog, EditorModel model, Supplier<ModelLibrary> models,
                           Supplier<Function<String, List<String>>> labelsOfModel) {
        this.catalog = catalog;
        this.model = model;
        this.models = models;
        this.labelsOfModel = labelsOfModel;
        getStyleClass().add(CanvasStyles.PROPERTIES_PANEL);
        setId("properties");
        setFitToWidth(true);
        content.getStyleClass().add(CanvasStyles.PROPERTIES_CONTENT);
        setContent(content);
        model.skillProperty().addListener((o, a, b) -> refresh());
        showNode(null);
    }

    /** The node whose settings are shown, or empty. */
    public Optional<String> shownNode() {
        return Optional.ofNullable(nodeId);
    }

    /**
     * What "Draw on frame…" beside a point-list setting (zone polygon, line) does, given the node id and setting
     * key; the host draws on a video frame. Null (the default) shows no such button. Applies from the next node shown.
     */
    public void setOnDrawOnFrame(BiConsumer<String, String> handler) {
        onDrawOnFrame = handler;
    }

    public void setProblems(List<Problem> all) {
        problems = all;
        updateErrors();
    }

    /** The message shown under a setting, or empty (for tests and the app). */
    public Optional<String> messageFor(String key) {
        return Optional.ofNullable(rows.get(key)).map(r -> r.error().getText()).filter(s -> !s.isEmpty());
    }

    public void showNode(String id) {
        if (id != null && id.equals(nodeId) && !rows.isEmpty()) {
            refresh();
            return;
        }
        nodeId = id;
        rows.clear();
        localErrors.clear();
        content.getChildren().clear();
        validation = new ValidationSupport();
        validation.setValidationDecorator(new StyleClassValidationDecoration());
        Optional<SkillNode> node = id == null ? Optional.empty() : model.skill().node(id);
        Optional<NodeType> type = node.flatMap(n -> catalog.find(n.typeId()));
        if (node.isEmpty() || type.isEmpty()) {
            nodeId = null;
            Label hint = new Label(node.isPresent() ? "Unknown node type '" + node.get().typeId() + "'"
                    : "Select a node to edit its settings.");
            hint.getStyleClass().add(CanvasStyles.PROPERTIES_HINT);
            hint.setWrapText(true);
            content.getChildren().add(hint);
            return;
        }
        build(node.get(), type.get());
        refresh();
    }

    private void build(SkillNode node, NodeType type) {
        Label title = new Label(type.displayName());
        title.getStyleClass().add(CanvasStyles.PROPERTIES_TITLE);
        Label desc = new Label(type.description());
        desc.setWrapText(true);
        desc.getStyleClass().add(CanvasStyles.SETTING_HELP);
        nameField = new TextField(node.displayName());
        nameField.setId("node-name-field");
        String nid = node.id();
        nameField.textProperty().addListener((o, a, b) -> {
            if (!b.equals(model.skill().node(nid).map(SkillNode::displayName).orElse(b))) {
                model.apply("Rename node", "name:" + nid, s -> GraphEdits.rename(s, nid, b));
            }
        });
        nameField.focusedProperty().addListener((o, a, b) -> model.closeMerge());
        Label idLabel = new Label("id: " + node.id());
        idLabel.getStyleClass().add(CanvasStyles.SETTING_HELP);
        content.getChildren().addAll(title, desc, labelled("Name", nameField), idLabel);
        for (SettingSpec spec : type.settings()) {
            SettingEditor editor = SettingEditors.create(spec, models,
                    () -> UpstreamLabels.of(catalog, model.skill(), nid, labelsOfModel.get()));
            Control c = editor.control();
            c.setId("setting-" + spec.key());
            Label label = new Label(spec.label() + (spec.unit().isEmpty() ? "" : " (" + spec.unit() + ")")
                    + (spec.required() ? " *" : ""));
            label.getStyleClass().add(CanvasStyles.SETTING_LABEL);
            label.setLabelFor(c);
            Label error = new Label();
            error.setId("error-" + spec.key());
            error.getStyleClass().add(CanvasStyles.SETTING_ERROR);
            error.setWrapText(true);
            error.setVisible(false);
            error.setManaged(false);
            VBox box = new VBox(3, label, editor.node(), error);
            if (spec.type() == SettingType.POINT_LIST && onDrawOnFrame != null) {
                Button draw = new Button("Draw on frame…");
                draw.setId("draw-" + spec.key());
                BiConsumer<String, String> handler = onDrawOnFrame;
                draw.setOnAction(e -> handler.accept(nid, spec.key()));
                box.getChildren().add(2, draw);
            }
            if (!spec.help().isEmpty()) {
                Label help = new Label(spec.help());
                help.getStyleClass().add(CanvasStyles.SETTING_HELP);
                help.setWrapText(true);
                box.getChildren().add(help);
            }
            box.getStyleClass().add(CanvasStyles.SETTING_ROW);
            Row row = new Row(spec, editor, box, error);
            rows.put(spec.key(), row);
            content.getChildren().add(box);
            editor.show(node.settings().get(spec.key()));
            editor.setOnEdit(e -> edited(nid, row, e));
            editor.showMarks(node);
            editor.setOnMark(m -> model.apply((m.secret() ? "Mark " : "Unmark ") + spec.label() + " secret",
                    s -> s.updateNode(nid, n -> n.withSecretMark(Secrecy.path(spec.key(), m.entry()), m.secret()))));
            c.focusedProperty().addListener((o, a, b) -> model.closeMerge());
            validation.registerValidator(c, false, (Control ctl, Object v) ->
                    ValidationResult.fromErrorIf(ctl, currentMessage(spec.key()), !currentMessage(spec.key()).isEmpty()));
        }
    }

    private static VBox labelled(String text, Control c) {
        Label l = new Label(text);
        l.getStyleClass().add(CanvasStyles.SETTING_LABEL);
        l.setLabelFor(c);
        return new VBox(3, l, c);
    }

    private void edited(String nid, Row row, SettingEditor.Edit e) {
        String key = row.spec().key();
        if (e.error() != null) {
            localErrors.put(key, e.error());
            updateErrors();
            return;
        }
        localErrors.remove(key);
        Object value = e.value();
        if (!model.apply("Change " + row.spec().label(), "setting:" + nid + ":" + key,
                s -> GraphEdits.setSetting(s, catalog, models.get(), nid, key, value))) {
            updateErrors();
        }
    }

    /** Brings the shown values, visibility and messages up to date with the skill. */
    private void refresh() {
        if (nodeId == null) {
            return;
        }
        Skill skill = model.skill();
        Optional<SkillNode> node = skill.node(nodeId);
        if (node.isEmpty()) {
            showNode(null);
            return;
        }
        Map<String, Object> settings = node.get().settings();
        if (nameField != null && !nameField.getText().equals(node.get().displayName())) {
            nameField.setText(node.get().displayName());
        }
        for (Row r : rows.values()) {
            boolean enabled = r.spec().isEnabled(withDefaults(settings));
            r.box().setVisible(enabled);
            r.box().setManaged(enabled);
            if (!localErrors.containsKey(r.spec().key())) {
                r.editor().show(settings.get(r.spec().key()));
            }
            r.editor().showMarks(node.get());
        }
        updateErrors();
    }

    private Map<String, Object> withDefaults(Map<String, Object> settings) {
        Map<String, Object> all = new LinkedHashMap<>();
        rows.values().forEach(r -> r.spec().defaultIfAny().ifPresent(d -> all.put(r.spec().key(), d)));
        all.putAll(settings);
        return all;
    }

    private String currentMessage(String key) {
        String local = localErrors.get(key);
        if (local != null) {
            return local;
        }
        return problems.stream().filter(p -> p.nodeId().equals(nodeId) && p.setting().equals(key))
                .map(Problem::message).distinct().collect(Collectors.joining("\n"));
    }

    private void updateErrors() {
        for (Row r : rows.values()) {
            String msg = currentMessage(r.spec().key());
            r.error().setText(msg);
            r.error().setVisible(!msg.isEmpty());
            r.error().setManaged(!msg.isEmpty());
        }
        if (validation != null) {
            validation.revalidate();
        }
    }
}
