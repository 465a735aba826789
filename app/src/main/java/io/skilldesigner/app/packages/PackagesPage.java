package io.skilldesigner.app.packages;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.ui.FolderOpener;
import io.skilldesigner.app.ui.Rows;
import io.skilldesigner.app.ui.SkillNames;
import io.skilldesigner.app.ui.Summaries;
import io.skilldesigner.core.model.AbsoluteModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.packaging.Architecture;
import io.skilldesigner.app.skills.SkillTestRunner;
import io.skilldesigner.packaging.EdgePackageExporter;
import io.skilldesigner.packaging.ExportResult;
import io.skilldesigner.packaging.PackageImporter;
import io.skilldesigner.packaging.RuntimeDistribution;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

/** Packages: export the selected skill as an edge deployment package, or import one back. */
public final class PackagesPage implements Page {
    private final AppContext ctx;
    private final VBox root = new VBox(10);
    private final ComboBox<Skill> skillBox = new ComboBox<>();
    private final ProgressBar progress = new ProgressBar(0);
    private final TextArea summary = new TextArea();
    private final CheckBox requireTests = new CheckBox("Only when its saved tests pass");
    private final FolderOpener opener = FolderOpener.forThisOs();
    private Path lastFolder;

    public PackagesPage(AppContext ctx) {
        this.ctx = ctx;
        root.setId("packages-page");
        Label title = new Label("Packages");
        title.getStyleClass().add("page-title");
        skillBox.setId("packages-skill");
        SkillNames.showIn(skillBox);
        Button export = new Button("Export edge package…");
        export.setId("packages-export");
        export.setOnAction(e -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder to write the package into");
            File dir = dc.showDialog(root.getScene().getWindow());
            if (dir != null) {
                export(dir.toPath());
            }
        });
        Button importButton = new Button("Import package…");
        importButton.setId("packages-import");
        importButton.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Edge package", "*.zip"));
            File f = fc.showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                importPackage(f.toPath());
            }
        });
        Button open = new Button("Open folder");
        open.setId("packages-open-folder");
        open.setOnAction(e -> openFolder());
        progress.setId("packages-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        summary.setId("packages-summary");
        summary.setEditable(false);
        summary.setPrefRowCount(18);
        requireTests.setId("packages-require-tests");
        requireTests.setTooltip(new Tooltip("Replays the skill's saved golden tests first (as"
                + " Run tests on its card, or export --require-tests) and refuses the export when one fails."));
        FlowPane bar = Rows.of(8, skillBox, export, requireTests,
                importButton, open);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label help = new Label("A package holds skill.json, kan/skill.yaml, the models and labels with checksums,"
                + " IoT Edge deployment manifests (amd64, arm64v8), Kubernetes manifests and, when this installation"
                + " carries the runtime distribution, the runtime with its Dockerfiles (bin/skill-designer export"
                + " always adds it)."
                + " Secrets are never written: the package README lists the environment variables to set.");
        help.setWrapText(true);
        help.getStyleClass().add("muted");
        root.getChildren().addAll(title, help, bar, progress, summary);
        root.setPadding(new Insets(0));
    }

    @Override
    public String id() {
        return "packages";
    }

    @Override
    public String title() {
        return "Packages";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        try {
            Skill sel = skillBox.getValue();
            List<Skill> skills = ctx.workspace().listSkills().items();
            skillBox.getItems().setAll(skills);
            String want = sel != null ? sel.id() : ctx.currentSkillIdProperty().get();
            skills.stream().filter(s -> s.id().equals(want)).findFirst().ifPresentOrElse(skillBox::setValue, () -> {
                if (!skills.isEmpty()) {
                    skillBox.setValue(skills.get(0));
                }
            });
        } catch (IOException e) {
            summary.setText("Cannot list skills: " + e.getMessage());
        }
    }

    /** A package is named after its skill as the user named it; the id only when the name has no usable letters. */
    public static String packageName(Skill skill) {
        String slug = Summaries.slug(skill.name());
        return slug.isEmpty() ? skill.id() : slug;
    }

    /** Exports the selected skill into {@code parent/<skill-name>/} and {@code parent/<skill-name>.zip}. */
    public void export(Path parent) {
        Skill skill = skillBox.getValue();
        if (skill == null) {
            summary.setText("Pick a skill to export.");
            return;
        }
        List<Problem> errors = new SkillValidator(ctx.catalog(), ctx.workspace().modelLibrary()).validate(skill)
                .stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            summary.setText("The skill has errors; fix them before exporting:\n"
                    + errors.stream().map(Problem::toString).collect(Collectors.joining("\n")));
            return;
        }
        String base = packageName(skill);
        Path folder = parent.resolve(base);
        Path zip = parent.resolve(base + ".zip");
        boolean gated = requireTests.isSelected();
        Task<ExportResult> t = ctx.tasks().run(null, p -> {
            p.progress(-1, 1);
            if (gated) {
                p.message("Running the saved tests of " + skill.name());
                SkillTestRunner.Summary tests = new SkillTestRunner(ctx.catalog(), ctx.workspace()).run(skill);
                if (tests.tests() == 0 || !tests.failures().isEmpty()) {
                    throw new TestsRefused(tests.tests() == 0 ? "the skill has no saved tests (Live Preview:"
                            + " record, then Save as test)" : tests.badge() + ":\n  "
                            + String.join("\n  ", tests.failures()));
                }
            }
            p.message("Exporting " + skill.name());
            ExportResult r = new EdgePackageExporter(ctx.catalog()).export(skill,
                    new AbsoluteModelLibrary(ctx.workspace().modelLibrary(), ctx.workspace().root()),
                    folder, zip, EnumSet.allOf(Architecture.class), ctx.workspace().root(),
                    RuntimeDistribution.find().orElse(null));
            p.progress(1, 1);
            return r;
        }, r -> {
            lastFolder = r.folder();
            List<String> warnings = new ArrayList<>(
                    LocalFileWarnings.of(skill, ctx.catalog(), ctx.workspace().root()));
            warnings.addAll(r.warnings());
            summary.setText("Written " + r.files().size() + " files to " + r.folder() + "\nZip: " + r.zip()
                    + "\n\nSecrets to provide as environment variables on the device:\n"
                    + (r.secrets().isEmpty() ? "  (none)" : r.secrets().stream().map(s -> "  " + s)
                    .collect(Collectors.joining("\n")))
                    + (warnings.isEmpty() ? "" : "\n\nWarnings:\n  " + String.join("\n  ", warnings))
                    + "\n\nFiles:\n  " + String.join("\n  ", r.files()));
        }, failure -> summary.setText(failure instanceof TestsRefused refused
                ? "Export refused, nothing written: " + refused.getMessage()
                : "Export failed: " + failure.getMessage()));
        progress.progressProperty().bind(t.progressProperty());
    }

    /** Why an export that requires the saved tests did not happen. */
    private static final class TestsRefused extends Exception {
        TestsRefused(String why) {
            super(why);
        }
    }

    public void importPackage(Path zip) {
        // Never over an existing skill: a skill with the same id is kept and this one saved beside it.
        ctx.tasks().run("Importing " + zip.getFileName(),
                p -> new PackageImporter(ctx.catalog()).importInto(zip, ctx.workspace()), r -> {
            summary.setText("Imported skill " + r.skill().name() + " (id " + r.skill().id() + ")"
                    + "\nModels added: " + r.addedModels().size()
                    + "\nModels reused (same checksum): " + r.reusedModels());
            onShow();
        }, failure -> summary.setText("Import failed: " + failure.getMessage()));
    }

    /** Never on the FX thread: the opener runs in the background; if it cannot, the path is shown and copied. */
    private void openFolder() {
        if (lastFolder == null) {
            summary.appendText("\nExport a package first; then this opens its folder.");
            return;
        }
        Path folder = lastFolder;
        opener.open(folder, ctx.background()).thenAccept(outcome -> Platform.runLater(() -> {
            if (!outcome.opened()) {
                ClipboardContent content = new ClipboardContent();
                content.putString(folder.toString());
                Clipboard.getSystemClipboard().setContent(content);
                summary.appendText("\nCannot open a file manager here (" + outcome.message() + ").\nThe folder is "
                        + folder + " (path copied to the clipboard).");
            }
        }));
    }

    /** For tests. */
    public TextArea summary() {
        return summary;
    }
}
