package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;

import io.skilldesigner.canvas.NodeStatus;
import io.skilldesigner.canvas.StatusBadge;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.SkillNode;

/**
 * One node on the canvas: icon, display name (double-click to rename), type, status badge, input ports on the top
 * edge and output ports on the bottom edge, as in the Azure Percept portal.
 */
public final class NodeView extends Region {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private final NodeType type;
    private final ImageView icon = new ImageView();
    private final Label name = new Label();
    private final Label typeLabel = new Label();
    private final Circle badge = new Circle(6);
    private final Label statusText = new Label();
    private final Tooltip badgeTip = new Tooltip();
    private final List<PortView> inputs = new ArrayList<>();
    private final List<PortView> outputs = new ArrayList<>();
    private final BiConsumer<String, String> onRename;
    private SkillNode node;
    private StatusBadge status;
    private TextField editor;

    /** @param onRename what renaming does (node id, new name); null: the name cannot be edited here */
    NodeView(SkillNode node, NodeType type, IconCache icons, BiConsumer<String, String> onRename) {
        this.type = type;
        this.onRename = onRename;
        getStyleClass().addAll(CanvasStyles.NODE, CanvasStyles.category(type.category()));
        setId("node-" + node.id());
        icon.setFitWidth(32);
        icon.setFitHeight(32);
        icon.setPreserveRatio(true);
        icons.icon(type.iconName()).ifPresent(icon::setImage);
        name.getStyleClass().add(CanvasStyles.NODE_NAME);
        typeLabel.getStyleClass().add(CanvasStyles.NODE_TYPE);
        typeLabel.setText(type.displayName());
        badge.getStyleClass().add(CanvasStyles.STATUS_BADGE);
        statusText.getStyleClass().add(CanvasStyles.STATUS_TEXT);
        Tooltip.install(badge, badgeTip);
        Tooltip.install(statusText, badgeTip);
        getChildren().addAll(icon, name, typeLabel, statusText, badge);
        for (PortSpec p : type.inputs()) {
            PortView pv = new PortView(node.id(), p, true);
            inputs.add(pv);
            getChildren().add(pv);
        }
        for (PortSpec p : type.outputs()) {
            PortView pv = new PortView(node.id(), p, false);
            outputs.add(pv);
            getChildren().add(pv);
        }
        name.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                startRename();
                e.consume();
            }
        });
        // rendered once into a bitmap and reused while panning (the software pipeline redraws text slowly); DEFAULT
        // re-renders it after a zoom, so that panning copies it 1:1 instead of resampling a bitmap of another scale
        setCache(true);
        setCacheHint(javafx.scene.CacheHint.DEFAULT);
        setPrefSize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        resize(NodeGeometry.WIDTH, NodeGeometry.HEIGHT);
        update(node);
    }

    public SkillNode node() {
        return node;
    }

    public NodeType type() {
        return type;
    }

    public List<PortView> inputs() {
        return inputs;
    }

    public List<PortView> outputs() {
        return outputs;
    }

    public StatusBadge status() {
        return status;
    }

    void update(SkillNode n) {
        node = n;
        name.setText(n.displayName().isBlank() ? n.id() : n.displayName());
        relocate(n.position().x(), n.position().y());
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    void setStatus(StatusBadge s) {
        if (s.equals(status)) {
            return;
        }
        if (status != null) {
            pseudoClassStateChanged(PseudoClass.getPseudoClass(status.status().cssName()), false);
        }
        status = s;
        pseudoClassStateChanged(PseudoClass.getPseudoClass(s.status().cssName()), true);
        statusText.setText(s.status().text());
        badgeTip.setText(s.message().isBlank() ? s.status().text() : s.status().text() + ": " + s.message());
    }

    /** Shows a text field over the name; Enter renames, Escape or leaving the field cancels. */
    public void startRename() {
        if (editor != null || onRename == null) {
            return;
        }
        TextField field = new TextField(name.getText());
        field.getStyleClass().add(CanvasStyles.RENAME_FIELD);
        field.setId("rename-" + node.id());
        editor = field;
        getChildren().add(field);
        field.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                String text = field.getText().trim();
                finishRename();
                onRename.accept(node.id(), text);
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                finishRename();
                e.consume();
            }
        });
        field.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                finishRename();
            }
        });
        requestLayout();
        field.requestFocus();
        field.selectAll();
    }

    private void finishRename() {
        if (editor != null) {
            TextField f = editor;
            editor = null;
            getChildren().remove(f);
        }
    }

    @Override
    protected void layoutChildren() {
        double w = NodeGeometry.WIDTH;
        double h = NodeGeometry.HEIGHT;
        icon.relocate(12, (h - 32) / 2);
        name.resizeRelocate(54, 12, w - 76, 22);
        typeLabel.resizeRelocate(54, 34, w - 66, 16);
        statusText.resizeRelocate(54, 50, w - 66, 14);
        badge.relocate(w - 20, 10);
        if (editor != null) {
            editor.resizeRelocate(50, 10, w - 60, 26);
        }
        for (int i = 0; i < inputs.size(); i++) {
            PortView p = inputs.get(i);
            p.setCenterX(NodeGeometry.portOffset(i, inputs.size()));
            p.setCenterY(0);
        }
        for (int i = 0; i < outputs.size(); i++) {
            PortView p = outputs.get(i);
            p.setCenterX(NodeGeometry.portOffset(i, outputs.size()));
            p.setCenterY(h);
        }
    }

    @Override
    protected double computePrefWidth(double height) {
        return NodeGeometry.WIDTH;
    }

    @Override
    protected double computePrefHeight(double width) {
        return NodeGeometry.HEIGHT;
    }

    static NodeStatus statusOf(NodeView v) {
        return v.status == null ? null : v.status.status();
    }
}
