package io.skilldesigner.app.skills;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.draw.FrameDrawingView;
import io.skilldesigner.app.ui.StepWizard;
import io.skilldesigner.app.ui.Summaries;
import io.skilldesigner.app.ui.TagEditor;
import io.skilldesigner.app.ui.WizardStep;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.model.AbsoluteModelLibrary;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.core.workspace.WorkspacePaths;
import io.skilldesigner.engine.model.LabelFile;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Insets;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * Create or edit a skill: Basics → Drag-and-Drop Nodes → Tags → Review + Create. Every field stays editable when
 * editing (the original froze name, fps and acceleration). Review lists every setting and every problem; a
 * problem link jumps to its node; Create is refused while errors remain. Work is autosaved as a draft.
 */
final class SkillWizard {
    private static final String NO_PROBLEMS = "No problems.";
    private static final int NODES_STEP = 1;
    private final AppContext ctx;
    private final Skill original;
    private final boolean isNew;
    private final Consumer<Skill> onSaved;
    private final Runnable onClose;
    private final SkillDrafts drafts;
    private final SkillValidator validator;

    final TextField name = new TextField();
    final TextArea description = new TextArea();
    final Spinner<Integer> fps = new Spinner<>(SkillBasics.MIN_FPS, SkillBasics.MAX_FPS, 15);
    final ChoiceBox<Acceleration> acceleration = new ChoiceBox<>();
    final SkillEditor editor;
    private final TagEditor tags = new TagEditor("skill-tags");
    private final VBox review = new VBox(8);
    private final Timeline autosave;
    private StepWizard wizard;
    private final ModelStartChecks startChecks;
    /** Counts reviews, so a model check that ends after the review was filled again does not show stale text. */
    private long reviews;

    SkillWizard(AppContext ctx, Skill skill, boolean isNew, ModelStartChecks startChecks, Consumer<Skill> onSaved,
                Runnable onClose) {
        this.ctx = ctx;
        this.startChecks = startChecks;
        this.original = skill;
        this.isNew = isNew;
        this.onSaved = onSaved;
        this.onClose = onClose;
        this.drafts = new SkillDrafts(ctx.workspace(), ctx.catalog());
        this.validator = new SkillValidator(ctx.catalog(), ctx.workspace().modelLibrary());
        this.editor = new SkillEditor(ctx.catalog(), ctx.workspace().modelLibrary());
        editor.setId("skill-editor");
        editor.setLabelsOfModel(this::labelsOf);
        editor.setOnDrawOnFrame((nodeId, key) -> FrameDrawingView.show(
                editor.getScene() == null ? null : editor.getScene().getWindow(), editor, ctx.catalog(),
                ctx.workspace().modelLibrary(), ctx.workspace().root(), ctx.background(), nodeId, key));
        editor.setSkill(skill);
        name.setText(skill.name());
        description.setText(skill.description());
        fps.getValueFactory().setValue(skill.basics().desiredFps());
        acceleration.getItems().setAll(Acceleration.values());
        acceleration.setValue(skill.basics().acceleration());
        tags.setTags(skill.tags());
        // the name, fps and tags live in this wizard's fields, not in the canvas' copy of the skill: check the
        // skill as the wizard has it, or the canvas reports "no name" while the name field is filled
        editor.setChecker(s -> validator.validate(asInWizard(s)));
        autosave = new Timeline(new KeyFrame(Duration.seconds(5), e -> saveDraft()));
        autosave.setCycleCount(Timeline.INDEFINITE);
    }

    private List<String> labelsOf(String modelId) {
        return ctx.workspace().modelLibrary().find(modelId)
                .filter(m -> m.labels() != null && !m.labels().path().isEmpty())
                .map((ModelDescriptor m) -> {
                    try {
                        return LabelFile.read(WorkspacePaths.resolve(ctx.workspace().root(), m.labels().path()));
                    } catch (RuntimeException e) {
                        return List.<String>of(); // unreadable label file: the picker offers none, validation says why
                    }
                }).orElse(List.of());
    }

    StepWizard build() {
        wizard = new StepWizard("skill-wizard", List.of(
                new WizardStep("Basics", basics(), this::basicsProblems),
                new WizardStep("Drag-and-Drop Nodes", editor, List::of, editor::revalidate),
                new WizardStep("Tags", tags, tags::problems),
                new WizardStep("Review + Create", reviewPane(), List::of, this::fillReview)),
                isNew ? "Create" : "Save", this::create, this::cancel);
        autosave.play();
        return wizard;
    }

    private GridPane basics() {
        name.setId("skill-name");
        description.setId("skill-description");
        description.setPrefRowCount(3);
        fps.setId("skill-fps");
        fps.setEditable(true);
        acceleration.setId("skill-acceleration");
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(4));
        g.addRow(0, new Label("Name"), name);
        g.addRow(1, new Label("Description"), description);
        g.addRow(2, new Label("Desired frame rate (fps)"), fps);
        g.addRow(3, new Label("Device acceleration"), acceleration);
        return g;
    }

    private List<String> basicsProblems() {
        List<String> p = new ArrayList<>();
        if (name.getText().isBlank()) {
            p.add("Name is required");
        }
        return p;
    }

    /** The skill as the wizard's fields and the canvas have it now. */
    Skill current() {
        return asInWizard(editor.getSkill());
    }

    private Skill asInWizard(Skill graph) {
        return graph.withName(name.getText().trim()).withDescription(description.getText())
                .withBasics(new SkillBasics(fps.getValue(), acceleration.getValue())).withTags(tags.tags());
    }

    private ScrollPane reviewPane() {
        review.setId("skill-review");
        review.setPadding(new Insets(4));
        ScrollPane s = new ScrollPane(review);
        s.setFitToWidth(true);
        return s;
    }

    private void fillReview() {
        Skill s = current();
        review.getChildren().clear();
        ImageView picture = new ImageView(editor.pictureOfGraph());
        picture.setPreserveRatio(true);
        picture.setFitWidth(520);
        review.getChildren().add(new Label(s.name() + " · " + s.basics().desiredFps() + " fps · "
                + s.basics().acceleration().displayName() + (s.tags().isEmpty() ? "" : " · tags " + Summaries.tags(s.tags()))));
        review.getChildren().add(picture);
        List<Problem> problems = validator.validate(s);
        Label pHeader = new Label(problems.isEmpty() ? NO_PROBLEMS : problems.size() + " problem(s):");
        pHeader.setId("skill-review-problem-count");
        pHeader.getStyleClass().add(problems.stream().anyMatch(Problem::isError) ? "badge-error" : "badge-ok");
        review.getChildren().add(pHeader);
        for (Problem p : problems) {
            Hyperlink link = new Hyperlink(p.toString());
            link.getStyleClass().add("review-problem");
            link.setOnAction(e -> {
                wizard.go(NODES_STEP);
                if (!p.nodeId().isEmpty()) {
                    editor.select(List.of(p.nodeId()));
                    editor.centreOn(p.nodeId());
                }
            });
            review.getChildren().add(link);
        }
        review.getChildren().add(modelCheck(s, pHeader));
        review.getChildren().add(new Label("Settings"));
        for (SkillNode n : s.nodes()) {
            NodeType t = ctx.catalog().find(n.typeId()).orElse(null);
            StringBuilder sb = new StringBuilder(n.displayName() + " (" + n.typeId() + ")");
            if (t != null) {
                Map<String, Object> values = EffectiveSettings.lenient(t, n).values();
                for (SettingSpec spec : t.settings()) {
                    Object v = values.get(spec.key());
                    if (spec.isEnabled(values) && !Summaries.isEmpty(v)) {
                        sb.append("\n    ").append(spec.label()).append(": ")
                                .append(spec.isSecret() && !String.valueOf(v).isEmpty() ? "••••••" : spec.type().toText(v))
                                .append(spec.unit().isEmpty() ? "" : " " + spec.unit());
                    }
                }
            }
            Label l = new Label(sb.toString());
            l.setWrapText(true);
            review.getChildren().add(l);
        }
    }

    /**
     * Whether the skill's models open as at its start (export and the Skills card check the same), filled in from
     * the background. A model that would not open is a fault of the model, not of this skill: saving stays allowed,
     * and the line says where to fix it.
     */
    private Label modelCheck(Skill s, Label header) {
        Label line = new Label("Checking that the models open as at the skill's start…");
        line.setId("skill-review-model-check");
        line.setWrapText(true);
        line.getStyleClass().add("muted");
        long review = ++reviews;
        ModelLibrary models = new AbsoluteModelLibrary(ctx.workspace().modelLibrary(), ctx.workspace().root());
        ctx.tasks().runQuietly(p -> startChecks.problems(ctx.catalog(), s, models), wouldNotStart -> {
            if (review != reviews) {
                return;
            }
            line.getStyleClass().setAll("label", wouldNotStart.isEmpty() ? "badge-ok" : "card-errors");
            if (!wouldNotStart.isEmpty() && header.getText().equals(NO_PROBLEMS)) {
                header.setText("No problems in the skill itself, but a model would not open:");
                header.getStyleClass().setAll("label", "badge-error");
            }
            line.setText(wouldNotStart.isEmpty() ? "The models open as at the skill's start."
                    : wouldNotStart.stream().map(p -> p.nodeId() + ": " + p.message()).collect(Collectors.joining("\n"))
                    + "\nFix the model on the Models page: the skill can be saved, but it will not start, and export"
                    + " refuses it, until then.");
        }, failure -> line.setText("Could not check the models: " + failure.getMessage()));
        return line;
    }

    private void create() {
        Skill s = current();
        List<Problem> errors = validator.validate(s).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            wizard.showProblems(List.of("Cannot " + (isNew ? "create" : "save") + " while " + errors.size()
                    + " error(s) remain; click them above to fix them."));
            fillReview();
            return;
        }
        try {
            ctx.workspace().saveSkill(s);
            drafts.discard(s.id());
            editor.markSaved();
            autosave.stop();
            onSaved.accept(s);
        } catch (IOException e) {
            wizard.showProblems(List.of("Could not save: " + e.getMessage()));
        }
    }

    private void cancel() {
        autosave.stop();
        try {
            drafts.discard(original.id());
        } catch (IOException e) {
            ctx.statusBar().setText("Could not remove the draft: " + e.getMessage());
        }
        onClose.run();
    }

    boolean hasUnsavedChanges() {
        return editor.isDirty() || !current().equals(original.withNodes(editor.getSkill().nodes())
                .withEdges(editor.getSkill().edges()));
    }

    private void saveDraft() {
        try {
            drafts.save(current());
        } catch (IOException e) {
            ctx.statusBar().setText("Autosave failed: " + e.getMessage());
        }
    }

    void stopAutosave() {
        autosave.stop();
    }
}
