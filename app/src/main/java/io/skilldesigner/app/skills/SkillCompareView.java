package io.skilldesigner.app.skills;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.diff.ModelChecksums;
import io.skilldesigner.core.diff.SkillChange;
import io.skilldesigner.core.diff.SkillDiff;
import io.skilldesigner.core.diff.SkillDiffer;
import io.skilldesigner.core.diff.SkillFileReader;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;

/**
 * Compare view: what changed from a skill to another version of it (its autosaved draft, another skill of the
 * workspace, or a skill file: ours or KAN's, e.g. from an imported package), as the command line's {@code diff}
 * reports it. Layout-only changes are hidden unless asked for.
 */
final class SkillCompareView extends BorderPane {
    private final Skill base;
    private final NodeCatalog catalog;
    private final ModelLibrary models;
    private final ComboBox<String> with = new ComboBox<>();
    private final CheckBox layout = new CheckBox("Show layout changes");
    private final ListView<String> changes = new ListView<>();
    private final Label summary = new Label();
    private final Map<String, Supplier<Optional<Skill>>> others = new LinkedHashMap<>();
    private SkillDiff diff;

    /** @param others the versions offered, by the name shown; a supplier may ask the user (a file chooser) */
    SkillCompareView(Skill base, NodeCatalog catalog, ModelLibrary models,
                     Map<String, Supplier<Optional<Skill>>> others) {
        this.base = base;
        this.catalog = catalog;
        this.models = models;
        this.others.putAll(others);
        with.setId("compare-with");
        with.getItems().setAll(this.others.keySet());
        with.setOnAction(e -> compare());
        layout.setId("compare-layout");
        layout.setOnAction(e -> show());
        changes.setId("compare-list");
        summary.setId("compare-summary");
        Button fromFile = new Button("Skill or KAN file…");
        fromFile.setId("compare-file");
        fromFile.setOnAction(e -> chooseFile());
        HBox top = new HBox(10, new Label("Compare " + title(base) + " with"), with, fromFile, layout);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10));
        setTop(top);
        setCenter(changes);
        summary.setPadding(new Insets(8, 10, 8, 10));
        setBottom(summary);
        setPrefSize(900, 500);
        summary.setText("Choose what to compare with.");
    }

    private static String title(Skill s) {
        return s.name().isBlank() ? s.id() : s.name();
    }

    /** Compares with the version offered under that name (for the card's menu and tests). */
    void select(String name) {
        with.getSelectionModel().select(name);
        compare();
    }

    private void compare() {
        String name = with.getValue();
        if (name == null || !others.containsKey(name)) {
            return;
        }
        Optional<Skill> other = others.get(name).get();
        if (other.isEmpty()) {
            diff = null;
            changes.getItems().clear();
            summary.setText("There is no " + name.toLowerCase(Locale.ROOT) + " to compare with.");
            return;
        }
        compareWith(other.get());
    }

    private void chooseFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Compare with a skill file");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Skill (ours or KAN)", "*.json", "*.yaml",
                "*.yml"));
        File f = fc.showOpenDialog(getScene().getWindow());
        if (f != null) {
            compareWith(f);
        }
    }

    /** Compares with a skill file: our format or KAN's. */
    void compareWith(File file) {
        try {
            compareWith(new SkillFileReader(catalog).read(file.toPath(), models));
        } catch (IOException e) {
            diff = null;
            changes.getItems().clear();
            summary.setText("Cannot read " + file + ": " + e.getMessage());
        }
    }

    private void compareWith(Skill other) {
        diff = new SkillDiffer(catalog).diff(base, other, ModelChecksums.of(models), ModelChecksums.of(models));
        show();
    }

    private void show() {
        if (diff == null) {
            return;
        }
        List<String> lines = diff.changes().stream().map(SkillChange::describe).toList();
        changes.getItems().setAll(lines);
        if (layout.isSelected()) {
            diff.layout().forEach(c -> changes.getItems().add(c.describe()));
        }
        int moved = diff.layout().size();
        String hidden = moved == 0 ? "" : layout.isSelected() ? " and " + moved + " layout-only"
                : " (" + moved + " layout-only hidden)";
        summary.setText(diff.isEqual() && (diff.layout().isEmpty() || !layout.isSelected()) ? "No differences" + hidden
                : lines.size() + " change" + (lines.size() == 1 ? "" : "s") + hidden);
    }
}
