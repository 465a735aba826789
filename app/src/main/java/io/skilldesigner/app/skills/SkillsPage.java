package io.skilldesigner.app.skills;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.core.kan.KanExport;
import io.skilldesigner.core.kan.KanImport;
import io.skilldesigner.core.kan.KanSkillReader;
import io.skilldesigner.core.kan.KanSkillWriter;
import io.skilldesigner.core.model.AbsoluteModelLibrary;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.workspace.ImportedSkills;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.core.workspace.Listing;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** AI Skills: cards with search, the create/edit wizard, duplicate, delete, KAN import/export. */
public final class SkillsPage implements Page {
    /** Errors a card spells out; the badge's tooltip has them all. */
    private static final int CARD_ERRORS = 2;

    private final AppContext ctx;
    private final Consumer<String> openPreview;
    private final BorderPane root = new BorderPane();
    private final FlowPane cards = new FlowPane(12, 12);
    private final TextField search = new TextField();
    private final Label message = new Label();
    private final ModelStartChecks startChecks = new ModelStartChecks();
    private final BorderPane listPane = new BorderPane();
    private SkillWizard wizard;

    /** @param openPreview shows the Live Preview page on a skill id */
    public SkillsPage(AppContext ctx, Consumer<String> openPreview) {
        this.ctx = ctx;
        this.openPreview = openPreview;
        root.setId("skills-page");
        Label title = new Label("AI Skills");
        title.getStyleClass().add("page-title");
        Button create = new Button("+ Create skill");
        create.setId("skills-create");
        create.setOnAction(e -> openNew());
        Button importKan = new Button("Import KAN skill…");
        importKan.setId("skills-import-kan");
        importKan.setOnAction(e -> importKan());
        search.setId("skills-search");
        search.setPromptText("Search name, tag, acceleration");
        search.textProperty().addListener((o, a, b) -> reload());
        message.setId("skills-message");
        message.setWrapText(true);
        FlowPane bar = Rows.of(8, title, create, importKan, search);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        cards.setId("skills-cards");
        ScrollPane scroll = new ScrollPane(cards);
        scroll.setFitToWidth(true);
        Label firstSteps = new Label("New here? Press Preview on the demo skill and then Start to see it run on its"
                + " video; Edit opens it on the canvas. + Create skill builds your own: name it, drag nodes from the"
                + " palette, connect them top to bottom, and pick a model (add your own on the Models page).");
        firstSteps.setId("skills-first-steps");
        firstSteps.getStyleClass().add("muted");
        firstSteps.setWrapText(true);
        listPane.setTop(new VBox(4, bar, firstSteps, message));
        listPane.setCenter(scroll);
        root.setCenter(listPane);
    }

    @Override
    public String id() {
        return "skills";
    }

    @Override
    public String title() {
        return "AI Skills";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        if (wizard == null) {
            reload();
        }
    }

    /** Asks before dropping unsaved edits; true when the user may leave the page. */
    @Override
    public boolean canLeave() {
        if (wizard == null || !wizard.hasUnsavedChanges()) {
            return true;
        }
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The skill you are editing has unsaved changes. They stay"
                + " in an autosaved draft. Leave anyway?", ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Unsaved changes");
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    void reload() {
        try {
            Listing<Skill> l = ctx.workspace().listSkills();
            SkillValidator validator = new SkillValidator(ctx.catalog(), ctx.workspace().modelLibrary());
            String q = search.getText() == null ? "" : search.getText().trim().toLowerCase(Locale.ROOT);
            cards.getChildren().clear();
            for (Skill s : l.items()) {
                if (q.isEmpty() || matches(s, q)) {
                    cards.getChildren().add(card(s, validator.validate(s)));
                }
            }
            String errors = l.errors().stream().map(e -> e.file() + ": " + e.message()).collect(Collectors.joining("\n"));
            message.setText(errors);
            message.getStyleClass().setAll(errors.isEmpty() ? "muted" : "badge-error");
        } catch (IOException e) {
            message.setText("Cannot list skills: " + e.getMessage());
        }
    }

    private static boolean matches(Skill s, String q) {
        return s.name().toLowerCase(Locale.ROOT).contains(q)
                || s.basics().acceleration().displayName().toLowerCase(Locale.ROOT).contains(q)
                || s.tags().stream().anyMatch(t -> (t.name() + "=" + t.value()).toLowerCase(Locale.ROOT).contains(q));
    }

    private Node card(Skill s, List<Problem> problems) {
        Label name = new Label(s.name().isBlank() ? s.id() : s.name());
        name.getStyleClass().add("card-title");
        Label facts = new Label(s.basics().acceleration().displayName() + " · " + s.basics().desiredFps() + " fps · "
                + s.nodes().size() + " nodes");
        facts.getStyleClass().add("muted");
        Label tags = new Label(s.tags().stream().map(t -> t.name() + (t.value().isEmpty() ? "" : "=" + t.value()))
                .collect(Collectors.joining("  ")));
        Label validity = new Label();
        validity.setId("skill-validity-" + s.id());
        Label errorText = new Label();
        errorText.setId("skill-errors-" + s.id());
        errorText.getStyleClass().add("card-errors");
        errorText.setWrapText(true);
        showValidity(validity, errorText, problems);
        if (problems.stream().noneMatch(Problem::isError)) {
            checkModelsStart(s, validity, errorText, problems);
        }
        Button edit = new Button("Edit");
        edit.setId("skill-edit-" + s.id());
        edit.setOnAction(e -> openEdit(s));
        Button preview = new Button("Preview");
        preview.setId("skill-preview-" + s.id());
        preview.setOnAction(e -> openPreview.accept(s.id()));
        Button duplicate = new Button("Duplicate");
        duplicate.setOnAction(e -> duplicate(s));
        Button delete = new Button("Delete");
        delete.setId("skill-delete-" + s.id());
        delete.setOnAction(e -> delete(s));
        Button kan = new Button("Export KAN…");
        kan.setOnAction(e -> exportKan(s));
        Label testsBadge = new Label();
        testsBadge.setId("skill-tests-badge-" + s.id());
        Button runTests = new Button("Run tests");
        runTests.setId("skill-tests-" + s.id());
        runTests.setTooltip(new Tooltip("Replays the skill's saved tests (Live Preview: record, then Save as test)"
                + " and compares the insights with the saved ones."));
        runTests.setOnAction(e -> runTests(s, runTests, testsBadge));
        Button compare = new Button("Compare…");
        compare.setId("skill-compare-" + s.id());
        compare.setTooltip(new Tooltip("What changed against the autosaved draft, another skill or a skill file"
                + " (ours or KAN's, e.g. from an imported package)."));
        compare.setOnAction(e -> openCompare(s));
        FlowPane status = Rows.of(10, validity, runTests, compare, testsBadge);
        status.setAlignment(Pos.CENTER_LEFT);
        VBox card = new VBox(6, name, facts, tags, status, errorText, Rows.of(6, edit, preview, duplicate, delete,
                kan));
        card.getStyleClass().add("card");
        card.setId("skill-card-" + s.id());
        card.setPrefWidth(420);
        return card;
    }

    /** The badge (every problem on hover) and, in the card itself, what the errors are: no hover needed. */
    private static void showValidity(Label validity, Label errorText, List<Problem> problems) {
        List<Problem> errors = problems.stream().filter(Problem::isError).toList();
        validity.setText(errors.isEmpty() ? "✔ valid" : "✖ " + errors.size() + " error(s)");
        validity.getStyleClass().removeAll("badge-ok", "badge-error");
        validity.getStyleClass().add(errors.isEmpty() ? "badge-ok" : "badge-error");
        validity.setTooltip(problems.isEmpty() ? null : new Tooltip(problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n"))));
        errorText.setText(errors.stream().limit(CARD_ERRORS)
                .map(p -> (p.nodeId().isEmpty() ? "" : p.nodeId() + ": ") + p.message())
                .collect(Collectors.joining("\n")) + (errors.size() > CARD_ERRORS ? "\n…" : ""));
        errorText.setVisible(!errors.isEmpty());
        errorText.setManaged(!errors.isEmpty());
    }

    /**
     * Opens the skill's models in the background as its start would (export refuses the same), and turns the card's
     * badge into an error naming the node when one would not open.
     */
    private void checkModelsStart(Skill s, Label validity, Label errorText, List<Problem> problems) {
        ModelLibrary models = new AbsoluteModelLibrary(ctx.workspace().modelLibrary(), ctx.workspace().root());
        ctx.tasks().runQuietly(p -> startChecks.problems(ctx.catalog(), s, models), wouldNotStart -> {
            if (!wouldNotStart.isEmpty()) {
                List<Problem> all = new ArrayList<>(problems);
                all.addAll(wouldNotStart);
                showValidity(validity, errorText, all);
            }
        }, failure -> validity.setTooltip(new Tooltip("Could not check the models: " + failure.getMessage())));
    }

    /** Opens the Compare view of a skill in its own window; returns it (for tests). */
    SkillCompareView openCompare(Skill s) {
        Map<String, Supplier<Optional<Skill>>> others = new LinkedHashMap<>();
        SkillDrafts drafts = new SkillDrafts(ctx.workspace(), ctx.catalog());
        others.put("Autosaved draft", () -> drafts.find(s.id()));
        try {
            for (Skill other : ctx.workspace().listSkills().items()) {
                if (!other.id().equals(s.id())) {
                    others.put("Skill: " + (other.name().isBlank() ? other.id() : other.name()),
                            () -> Optional.of(other));
                }
            }
        } catch (IOException e) {
            message.setText("Cannot list skills: " + e.getMessage());
        }
        SkillCompareView view = new SkillCompareView(s, ctx.catalog(), ctx.workspace().modelLibrary(), others);
        Stage stage = new Stage();
        stage.initOwner(root.getScene().getWindow());
        stage.setTitle("Compare " + (s.name().isBlank() ? s.id() : s.name()));
        stage.setScene(new Scene(view));
        stage.getScene().getStylesheets().setAll(root.getScene().getStylesheets());
        stage.show();
        return view;
    }

    private void runTests(Skill s, Button button, Label badge) {
        button.setDisable(true);
        badge.getStyleClass().setAll("muted");
        badge.setText("running tests…");
        SkillTestRunner runner = new SkillTestRunner(ctx.catalog(), ctx.workspace());
        ctx.tasks().submit(() -> {
            SkillTestRunner.Summary summary;
            String error = null;
            try {
                summary = runner.run(s);
            } catch (IOException e) {
                summary = null;
                error = "tests could not be listed: " + e.getMessage();
            }
            SkillTestRunner.Summary result = summary;
            String problem = error;
            Platform.runLater(() -> {
                button.setDisable(false);
                if (result == null) {
                    badge.setText("✖ " + problem);
                    badge.getStyleClass().setAll("badge-error");
                    return;
                }
                badge.setText(result.badge());
                badge.getStyleClass().setAll(result.tests() == 0 ? "muted"
                        : result.failures().isEmpty() ? "badge-ok" : "badge-error");
                badge.setTooltip(result.failures().isEmpty() ? null
                        : new Tooltip(String.join("\n", result.failures())));
            });
        });
    }

    /** Opens the wizard on a new empty skill. */
    public void openNew() {
        Skill fresh = Skill.empty("skill-" + UUID.randomUUID().toString().substring(0, 8), "");
        showWizard(fresh, true);
    }

    public void openEdit(Skill s) {
        Optional<Skill> draft = new SkillDrafts(ctx.workspace(), ctx.catalog()).find(s.id());
        Skill toEdit = s;
        if (draft.isPresent() && !draft.get().equals(s)) {
            Alert a = new Alert(Alert.AlertType.CONFIRMATION, "An autosaved draft of '" + s.name() + "' with unsaved"
                    + " changes was found (the app may have closed before you saved). Recover it?",
                    ButtonType.YES, ButtonType.NO);
            a.setHeaderText("Recover unsaved changes");
            if (a.showAndWait().filter(b -> b == ButtonType.YES).isPresent()) {
                toEdit = draft.get();
            }
        }
        showWizard(toEdit, false);
    }

    private void showWizard(Skill s, boolean isNew) {
        wizard = new SkillWizard(ctx, s, isNew, startChecks, saved -> {
            closeWizard();
            message.setText((isNew ? "Created " : "Saved ") + saved.name());
            ctx.currentSkillIdProperty().set(saved.id());
        }, this::closeWizard);
        root.setCenter(wizard.build());
    }

    private void closeWizard() {
        if (wizard != null) {
            wizard.stopAutosave();
        }
        wizard = null;
        root.setCenter(listPane);
        reload();
    }

    private void duplicate(Skill s) {
        Skill copy = s.withId(s.id() + "-" + UUID.randomUUID().toString().substring(0, 4)).withName(s.name() + " (copy)");
        save(copy, "Duplicated as " + copy.name());
    }

    private void delete(Skill s) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete the skill '" + s.name() + "'?", ButtonType.YES,
                ButtonType.NO);
        if (a.showAndWait().filter(b -> b == ButtonType.YES).isEmpty()) {
            return;
        }
        try {
            ctx.workspace().deleteSkill(s.id());
            // its autosaved draft and the draft's secrets go with it
            new SkillDrafts(ctx.workspace(), ctx.catalog()).discard(s.id());
            message.setText("Deleted " + s.name());
            reload();
        } catch (IOException e) {
            message.setText("Could not delete: " + e.getMessage());
        }
    }

    private void save(Skill s, String done) {
        try {
            ctx.workspace().saveSkill(s);
            message.setText(done);
            reload();
        } catch (IOException e) {
            message.setText("Could not save: " + e.getMessage());
        }
    }

    private void importKan() {
        FileChooser fc = new FileChooser();
        fc.setTitle("KAN skill (YAML or JSON)");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("KAN skill", "*.yaml", "*.yml", "*.json"));
        File f = fc.showOpenDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        try {
            KanImport imported = new KanSkillReader(ctx.catalog(), ctx.workspace().modelLibrary()).read(f.toPath());
            // Never over an existing skill with the same id: that one stays as it is, this one is a copy beside it.
            Skill placed = ImportedSkills.place(ctx.workspace(), imported.skill());
            ctx.workspace().saveSkill(placed);
            reload();
            String copy = placed == imported.skill() ? "" : " as a copy (a skill with id '" + imported.skill().id()
                    + "' exists and was left unchanged)";
            message.setText("Imported " + placed.name() + copy + (imported.notes().isEmpty() ? ""
                    : " — " + imported.notes().stream().map(Object::toString).collect(Collectors.joining("; "))));
        } catch (Exception e) {
            message.setText("Could not import " + f + ": " + e.getMessage());
        }
    }

    private void exportKan(Skill s) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export as KAN skill");
        fc.setInitialFileName(s.id() + ".yaml");
        File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f == null) {
            return;
        }
        KanExport export = new KanSkillWriter(ctx.catalog(), ctx.workspace().modelLibrary()).write(s);
        try {
            String text = f.getName().endsWith(".json") ? export.toJson() : export.toYaml();
            Files.writeString(f.toPath(), text, StandardCharsets.UTF_8);
            message.setText("Exported to " + f + (export.omissions().isEmpty() ? ""
                    : " — not carried over: " + export.omissions().stream().map(Object::toString)
                    .collect(Collectors.joining("; "))));
        } catch (IOException e) {
            message.setText("Could not export: " + e.getMessage());
        }
    }

    /** For tests: the open wizard's editor fields, or null. */
    SkillWizard wizard() {
        return wizard;
    }
}
