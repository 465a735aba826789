package io.skilldesigner.canvas.properties;

import java.util.List;
import java.util.Objects;

import javafx.collections.ListChangeListener;

import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Control;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.SkillNode;

/**
 * TEXT and URL in a text field with a "Secret" tick (pre-ticked when the value holds a credential; ticked, the
 * field is masked and the value kept out of files, packages and messages); SECRET, or a setting the catalog flags
 * secret, in a masked field that cannot be un-ticked. Blank removes the setting.
 */
final class TextSettingEditor extends SettingEditor {
    /** ControlsFX's {@code StyleClassValidationDecoration} classes. */
    private static final List<String> DECORATION = List.of("error", "warning");
    private final SettingSpec spec;
    private final TextField plain = new TextField();
    private final PasswordField masked = new PasswordField();
    private final CheckBox secret = new CheckBox("Secret");
    private final HBox box;

    TextSettingEditor(SettingSpec spec) {
        this.spec = spec;
        masked.textProperty().bindBidirectional(plain.textProperty());
        plain.textProperty().addListener((o, a, b) -> fire(Edit.ok(b == null || b.isEmpty() ? null : b)));
        secret.setId("secret-" + spec.key());
        secret.setTooltip(new Tooltip("Keep this value out of workspace files, packages, KAN exports and logs"));
        secret.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        secret.selectedProperty().addListener((o, a, b) -> {
            mask(b);
            fireMark(new MarkEdit(null, b));
        });
        boolean fixed = !Secrecy.canUnmark(spec);
        secret.setSelected(fixed);
        secret.setDisable(fixed);
        mask(fixed);
        mirrorDecoration(plain, masked);
        mirrorDecoration(masked, plain);
        StackPane fields = new StackPane(plain, masked);
        HBox.setHgrow(fields, Priority.ALWAYS);
        box = new HBox(6, fields, secret);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
    }

    /**
     * The properties panel decorates the field that was shown when it was built (ControlsFX's error/warning style
     * classes); the other one of the pair shows the same, or ticking a field would hide its error.
     */
    private static void mirrorDecoration(TextField from, TextField to) {
        from.getStyleClass().addListener((ListChangeListener<String>) c -> {
            for (String cls : DECORATION) {
                boolean on = from.getStyleClass().contains(cls);
                if (on && !to.getStyleClass().contains(cls)) {
                    to.getStyleClass().add(cls);
                } else if (!on) {
                    to.getStyleClass().remove(cls);
                }
            }
        });
    }

    private void mask(boolean on) {
        masked.setVisible(on);
        plain.setVisible(!on);
    }

    @Override
    public Node node() {
        return box;
    }

    @Override
    public Control control() {
        return secret.isSelected() ? masked : plain;
    }

    /** The tick, for tests. */
    CheckBox secretTick() {
        return secret;
    }

    @Override
    protected void display(Object value) {
        String text = value == null ? "" : String.valueOf(value);
        if (!Objects.equals(text, plain.getText())) {
            plain.setText(text);
        }
    }

    @Override
    protected void displayMarks(SkillNode node) {
        Object v = node.settings().get(spec.key());
        secret.setSelected(v instanceof String s ? Secrecy.text(spec, node, spec.key(), s)
                : Secrecy.setting(spec, node, spec.key()));
    }
}
