package io.skilldesigner.app.models;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.ui.StepWizard;
import io.skilldesigner.app.ui.Summaries;
import io.skilldesigner.app.ui.TagEditor;
import io.skilldesigner.app.ui.WizardStep;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelTask;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * Add Model, as the original portal: Basics (name, type, format, model and label file from a local file or from
 * Azure Blob Storage, description) → Tags → Review + Create. Creating opens the model at once.
 */
final class AddModelWizard {
    private final AppContext ctx;
    private final ModelImporter importer;
    private final Consumer<ModelImporter.Result> onCreated;
    private final Runnable onClose;

    final TextField name = new TextField();
    final ChoiceBox<ModelTask> task = new ChoiceBox<>();
    final TextField modelPath = new TextField();
    final TextField labelsPath = new TextField();
    final TextArea description = new TextArea();
    final RadioButton local = new RadioButton("Local file");
    final RadioButton blob = new RadioButton("Azure Blob Storage");
    final PasswordField connectionString = new PasswordField();
    final TextField accountUrl = new TextField();
    final PasswordField sas = new PasswordField();
    final ChoiceBox<String> container = new ChoiceBox<>();
    final ListView<BlobEntry> blobs = new ListView<>();
    final ProgressBar progress = new ProgressBar(0);
    final Label blobStatus = new Label();
    private final TagEditor tags = new TagEditor("model-tags");
    private final Label review = new Label();
    private final AtomicBoolean cancelDownload = new AtomicBoolean();
    private BlobModelStore store;
    private BlobEntry modelBlob;
    private BlobEntry labelsBlob;
    private StepWizard wizard;

    AddModelWizard(AppContext ctx, ModelImporter importer, Consumer<ModelImporter.Result> onCreated, Runnable onClose) {
        this.ctx = ctx;
        this.importer = importer;
        this.onCreated = onCreated;
        this.onClose = onClose;
    }

    StepWizard build() {
        wizard = new StepWizard("add-model", List.of(
                new WizardStep("Basics", basics(), this::basicsProblems),
                new WizardStep("Tags", tags, tags::problems),
                new WizardStep("Review + Create", review, List::of, this::fillReview)),
                "Create", this::create, onClose);
        return wizard;
    }

    private VBox basics() {
        name.setId("model-name");
        name.setPromptText("e.g. Forklift detector");
        task.getItems().setAll(ModelTask.values());
        task.setValue(ModelTask.DETECTION);
        task.setId("model-task");
        ToggleGroup source = new ToggleGroup();
        local.setToggleGroup(source);
        blob.setToggleGroup(source);
        local.setSelected(true);
        local.setId("model-source-local");
        blob.setId("model-source-blob");
        modelPath.setId("model-file");
        modelPath.setPromptText("model.onnx, or an Azure Custom Vision export .zip");
        labelsPath.setId("model-labels");
        labelsPath.setPromptText("labels.txt (one label per line)");
        Button browseModel = new Button("Browse…");
        browseModel.setOnAction(e -> choose(modelPath, "ONNX model or Custom Vision zip", "*.onnx", "*.zip"));
        Button browseLabels = new Button("Browse…");
        browseLabels.setOnAction(e -> choose(labelsPath, "Labels", "*.txt", "*.csv"));
        GridPane localPane = new GridPane();
        localPane.setHgap(8);
        localPane.setVgap(6);
        localPane.addRow(0, new Label("Model file"), modelPath, browseModel);
        localPane.addRow(1, new Label("Label file"), labelsPath, browseLabels);
        VBox blobPane = blobPane();
        localPane.visibleProperty().bind(local.selectedProperty());
        localPane.managedProperty().bind(localPane.visibleProperty());
        blobPane.visibleProperty().bind(blob.selectedProperty());
        blobPane.managedProperty().bind(blobPane.visibleProperty());
        description.setPrefRowCount(3);
        description.setId("model-description");
        GridPane basics = new GridPane();
        basics.setHgap(8);
        basics.setVgap(8);
        basics.addRow(0, new Label("Name"), name);
        basics.addRow(1, new Label("Type"), task);
        basics.addRow(2, new Label("Format"), new Label("ONNX"));
        basics.addRow(3, new Label("Files from"), new HBox(12, local, blob));
        VBox box = new VBox(10, basics, localPane, blobPane, new Label("Description"), description);
        box.setPadding(new Insets(4));
        return box;
    }

    private VBox blobPane() {
        connectionString.setId("blob-connection-string");
        connectionString.setPromptText("Connection string (or leave empty and use account URL + SAS)");
        accountUrl.setPromptText("https://<account>.blob.core.windows.net");
        sas.setPromptText("SAS token");
        Button connect = new Button("Connect");
        connect.setId("blob-connect");
        connect.setOnAction(e -> connect());
        container.setId("blob-container");
        container.getSelectionModel().selectedItemProperty().addListener((o, old, c) -> listBlobs(c));
        blobs.setId("blob-list");
        blobs.setPrefHeight(140);
        Button asModel = new Button("Use as model");
        asModel.setId("blob-use-model");
        asModel.setOnAction(e -> {
            modelBlob = blobs.getSelectionModel().getSelectedItem();
            blobStatus.setText(describeBlobs());
        });
        Button asLabels = new Button("Use as labels");
        asLabels.setId("blob-use-labels");
        asLabels.setOnAction(e -> {
            labelsBlob = blobs.getSelectionModel().getSelectedItem();
            blobStatus.setText(describeBlobs());
        });
        Button cancel = new Button("Cancel download");
        cancel.setOnAction(e -> cancelDownload.set(true));
        progress.setId("blob-progress");
        progress.setMaxWidth(Double.MAX_VALUE);
        blobStatus.setId("blob-status");
        blobStatus.setWrapText(true);
        return new VBox(6, connectionString, new HBox(6, accountUrl, sas), connect, container, blobs,
                new HBox(6, asModel, asLabels, cancel), progress, blobStatus);
    }

    private String describeBlobs() {
        return "Model: " + (modelBlob == null ? "—" : modelBlob.name()) + "   Labels: "
                + (labelsBlob == null ? "—" : labelsBlob.name());
    }

    private void connect() {
        try {
            BlobCredentials c = connectionString.getText().isBlank()
                    ? BlobCredentials.sas(accountUrl.getText(), sas.getText())
                    : BlobCredentials.connectionString(connectionString.getText());
            store = new BlobModelStore(c, ctx.workspace().root().resolve("cache").resolve("blobs"));
        } catch (IllegalArgumentException ex) {
            blobStatus.setText(ex.getMessage());
            return;
        }
        runBackground("Listing containers", () -> store.containers(), names -> {
            container.getItems().setAll(names);
            blobStatus.setText(names.isEmpty() ? "No containers in this account" : "Pick a container");
            if (!names.isEmpty()) {
                container.setValue(names.get(0));
            }
        });
    }

    private void listBlobs(String c) {
        if (c == null || store == null) {
            return;
        }
        runBackground("Listing blobs", () -> store.blobs(c, null), list -> blobs.getItems().setAll(list));
    }

    private <T> void runBackground(String what, Callable<T> work, Consumer<T> done) {
        ctx.tasks().runQuietly(p -> work.call(), done,
                failure -> blobStatus.setText(what + " failed: " + failure.getMessage()));
    }

    private void choose(TextField field, String what, String... patterns) {
        FileChooser fc = new FileChooser();
        fc.setTitle(what);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(what, patterns));
        File f = fc.showOpenDialog(field.getScene().getWindow());
        if (f != null) {
            field.setText(f.getAbsolutePath());
            if (name.getText().isBlank()) {
                name.setText(f.getName().replaceFirst("\\.[^.]+$", ""));
            }
        }
    }

    private List<String> basicsProblems() {
        List<String> p = new ArrayList<>();
        if (name.getText().isBlank()) {
            p.add("Name is required");
        }
        if (local.isSelected()) {
            if (modelPath.getText().isBlank()) {
                p.add("Choose the model file");
            } else if (!new File(modelPath.getText().trim()).isFile()) {
                p.add("Model file " + modelPath.getText().trim() + " does not exist");
            }
            if (!labelsPath.getText().isBlank() && !new File(labelsPath.getText().trim()).isFile()) {
                p.add("Label file " + labelsPath.getText().trim() + " does not exist");
            }
        } else if (modelBlob == null) {
            p.add("Connect to the storage account and pick the model blob");
        }
        String id = idFor(name.getText());
        if (!id.isEmpty() && ctx.workspace().modelLibrary().find(id).isPresent()) {
            p.add("A model named like '" + name.getText().trim() + "' already exists");
        }
        return p;
    }

    static String idFor(String name) {
        return Summaries.slug(name);
    }

    private void fillReview() {
        review.setId("model-review");
        review.setText("Name: " + name.getText().trim() + "\nType: " + task.getValue() + "\nFormat: ONNX\n"
                + (local.isSelected() ? "Model file: " + modelPath.getText().trim() + "\nLabel file: "
                + (labelsPath.getText().isBlank() ? "(none)" : labelsPath.getText().trim())
                : "Blob: " + describeBlobs()) + "\nTags: " + Summaries.tags(tags.tags()) + "\n\nCreate opens the model,"
                + " reads its inputs and outputs and recognises its output layout.");
    }

    private void create() {
        cancelDownload.set(false);
        String id = idFor(name.getText());
        Task<ModelImporter.Result> t = ctx.tasks().run(null, p -> {
            Path modelFile;
            Path labelsFile;
            FileLocation origin = null;
            if (local.isSelected()) {
                modelFile = Path.of(modelPath.getText().trim());
                labelsFile = labelsPath.getText().isBlank() ? null : Path.of(labelsPath.getText().trim());
            } else {
                p.message("Downloading " + modelBlob.name());
                modelFile = store.download(modelBlob.container(), modelBlob.name(), p::progress, cancelDownload::get);
                labelsFile = labelsBlob == null ? null : store.download(labelsBlob.container(),
                        labelsBlob.name(), (d, total) -> { }, cancelDownload::get);
                origin = FileLocation.blob(accountUrlForLocation(), modelBlob.container(), modelBlob.name());
            }
            p.message("Opening the model");
            return importer.importModel(new ModelImporter.Request(id, name.getText().trim(), task.getValue(),
                    modelFile, labelsFile, description.getText(), tags.tags(), origin));
        }, onCreated, failure -> Platform.runLater(() -> wizard.showProblems(List.of(
                "Could not add the model: " + failure.getMessage()))));
        progress.progressProperty().bind(t.progressProperty());
    }

    private String accountUrlForLocation() {
        return connectionString.getText().isBlank() ? accountUrl.getText().trim()
                : BlobCredentials.connectionString(connectionString.getText()).accountUrl();
    }
}
