package io.skilldesigner.app.models;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.skilldesigner.app.ui.Rows;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonType;
import javafx.scene.layout.FlowPane;
import javafx.stage.Window;
import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.app.AppContext;
import io.skilldesigner.app.Page;
import io.skilldesigner.app.ui.FxFrames;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.workspace.Listing;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.insights.InsightsOverlay;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.ModelTryOut;
import io.skilldesigner.engine.model.TryOutResult;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/** Models (bring your own model): the library, a model's facts and decoder settings, try on an image, add. */
public final class ModelsPage implements Page {
    private final AppContext ctx;
    private final ModelSessions sessions = new ModelSessions();
    private final ModelImporter importer;
    private final BorderPane root = new BorderPane();
    private final ListView<ModelDescriptor> list = new ListView<>();
    private final Label loadErrors = new Label();
    private final ModelDetails details = new ModelDetails();
    private final DecoderForm decoderForm;
    private final ImageView tryImage = new ImageView();
    private final Label tryResult = new Label();
    private final Label message = new Label();
    private Predicate<ModelDescriptor> confirmDelete = ModelsPage::askToDelete;
    private Function<Window, File> labelsChooser = EditModelDialog::askForLabels;
    private final FxFrames fxFrames = new FxFrames();
    private final BorderPane detailPane = new BorderPane();

    public ModelsPage(AppContext ctx) {
        this.ctx = ctx;
        this.importer = new ModelImporter(ctx.workspace(), sessions);
        this.decoderForm = new DecoderForm(this::saveDecoder);
        root.setId("models-page");
        Label title = new Label("Models");
        title.getStyleClass().add("page-title");
        Button add = new Button("+ Add model");
        add.setId("models-add");
        add.setOnAction(e -> openWizard());
        Button edit = new Button("Edit");
        edit.setId("models-edit");
        edit.setOnAction(e -> editSelected());
        Button duplicate = new Button("Duplicate");
        duplicate.setOnAction(e -> duplicateSelected());
        Button delete = new Button("Delete");
        delete.setId("models-delete");
        delete.setOnAction(e -> deleteSelected());
        message.setId("models-message");
        message.setWrapText(true);
        FlowPane bar = Rows.of(8, title, add, edit, duplicate, delete);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(0, 0, 10, 0));
        list.setId("models-list");
        list.setPrefWidth(280);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ModelDescriptor m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.name() + "\n" + m.task().name().toLowerCase(Locale.ROOT)
                        + (m.io() == null ? "" : " · " + m.io().detectedLayout()));
            }
        });
        list.getSelectionModel().selectedItemProperty().addListener((o, old, m) -> showModel(m));
        loadErrors.getStyleClass().add("badge-error");
        loadErrors.setWrapText(true);
        VBox left = new VBox(6, list, loadErrors);
        VBox.setVgrow(list, Priority.ALWAYS);
        Button tryButton = new Button("Try on an image…");
        tryButton.setId("models-try");
        tryButton.setOnAction(e -> tryOnImage());
        tryResult.setId("models-try-result");
        tryResult.setWrapText(true);
        tryImage.setPreserveRatio(true);
        tryImage.setId("models-try-image");
        // the result comes right under its button, as wide as the page allows, not small and below the fold
        VBox right = new VBox(10, details, tryButton, tryResult, tryImage, new Label("Decoder settings"),
                decoderForm);
        ScrollPane scroll = new ScrollPane(right);
        scroll.setFitToWidth(true);
        tryImage.fitWidthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(200, scroll.getViewportBounds().getWidth() - 24), scroll.viewportBoundsProperty()));
        tryImage.setFitHeight(480);
        // no room taken until there is a result to show
        tryImage.visibleProperty().bind(tryImage.imageProperty().isNotNull());
        tryImage.managedProperty().bind(tryImage.visibleProperty());
        detailPane.setCenter(scroll);
        root.setTop(new VBox(4, bar, message)); // the message stays visible under the buttons
        root.setLeft(left);
        root.setCenter(detailPane);
    }

    @Override
    public String id() {
        return "models";
    }

    @Override
    public String title() {
        return "Models";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void onShow() {
        reload(null);
    }

    void reload(String selectId) {
        try {
            Listing<ModelDescriptor> l = ctx.workspace().listModels();
            list.getItems().setAll(l.items());
            loadErrors.setText(l.errors().stream().map(e -> e.file() + ": " + e.message())
                    .collect(Collectors.joining("\n")));
            String want = selectId != null ? selectId
                    : list.getSelectionModel().getSelectedItem() != null ? list.getSelectionModel().getSelectedItem().id()
                    : null;
            l.items().stream().filter(m -> m.id().equals(want)).findFirst()
                    .ifPresentOrElse(m -> list.getSelectionModel().select(m), () -> {
                        if (!l.items().isEmpty()) {
                            list.getSelectionModel().select(0);
                        }
                    });
        } catch (IOException e) {
            message.setText("Cannot list models: " + e.getMessage());
        }
    }

    private void showModel(ModelDescriptor m) {
        detailPane.setVisible(m != null);
        tryImage.setImage(null);
        tryResult.setText("");
        if (m != null) {
            details.show(m);
            decoderForm.show(m.decoder());
        }
    }

    private void openWizard() {
        AddModelWizard w = new AddModelWizard(ctx, importer, result -> {
            // warnings stay on the page (not in the status bar, which the next task overwrites)
            message.setText("Added " + result.model().name() + " (class names: " + result.namesSource() + ")"
                    + (result.warnings().isEmpty() ? "" : " — " + String.join("; ", result.warnings())));
            message.getStyleClass().removeAll("badge-warning");
            if (!result.warnings().isEmpty()) {
                message.getStyleClass().add("badge-warning");
            }
            root.setCenter(detailPane);
            reload(result.model().id());
        }, () -> root.setCenter(detailPane));
        root.setCenter(w.build());
    }

    private void saveDecoder(DecoderSettings d) {
        ModelDescriptor m = list.getSelectionModel().getSelectedItem();
        if (m == null) {
            return;
        }
        try {
            ctx.workspace().saveModel(m.withDecoder(d));
            message.setText("Decoder settings of " + m.name() + " saved");
            reload(m.id());
        } catch (IOException e) {
            message.setText("Could not save: " + e.getMessage());
        }
    }

    private void editSelected() {
        ModelDescriptor m = list.getSelectionModel().getSelectedItem();
        if (m == null) {
            return;
        }
        EditModelDialog.show(m, labelsChooser).ifPresent(edit -> {
            try {
                ModelDescriptor changed = edit.applyTo(m, ctx.workspace().root());
                ctx.workspace().saveModel(changed);
                message.setText("Saved " + changed.name());
                reload(changed.id());
            } catch (IOException e) {
                message.setText("Could not save: " + e.getMessage());
            }
        });
    }

    /** The file dialog Edit uses for a new labels file (tests replace it). */
    public void setLabelsFileChooser(Function<Window, File> chooser) {
        labelsChooser = Objects.requireNonNull(chooser, "chooser");
    }

    /** Asks before deleting a model (tests replace the dialog). */
    public void setDeleteConfirmation(Predicate<ModelDescriptor> confirm) {
        confirmDelete = Objects.requireNonNull(confirm, "confirm");
    }

    private static boolean askToDelete(ModelDescriptor m) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                "Delete the model '" + m.name() + "' from the workspace's model list? Skills can no longer use it.",
                ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Delete model");
        return a.showAndWait().filter(b -> b == ButtonType.YES).isPresent();
    }

    private void deleteSelected() {
        ModelDescriptor m = list.getSelectionModel().getSelectedItem();
        if (m == null) {
            return;
        }
        try {
            List<String> users = new ModelUsage(ctx.catalog()).skillsUsing(m.id(), ctx.workspace().listSkills().items());
            if (!users.isEmpty()) {
                message.setText("Cannot delete " + m.name() + ": used by " + String.join(", ", users));
                return;
            }
            if (!confirmDelete.test(m)) {
                return;
            }
            ctx.workspace().deleteModel(m.id());
            message.setText("Deleted " + m.name());
            reload(null);
        } catch (IOException e) {
            message.setText("Could not delete: " + e.getMessage());
        }
    }

    private void duplicateSelected() {
        ModelDescriptor m = list.getSelectionModel().getSelectedItem();
        if (m == null) {
            return;
        }
        String id = m.id() + "-copy";
        for (int i = 2; ctx.workspace().modelLibrary().find(id).isPresent(); i++) {
            id = m.id() + "-copy" + i;
        }
        try {
            ctx.workspace().saveModel(new ModelDescriptor(id, m.name() + " (copy)", m.task(), m.format(), m.model(),
                    m.labels(), m.description(), m.tags(), m.io(), m.decoder(), m.sha256()));
            reload(id);
        } catch (IOException e) {
            message.setText("Could not duplicate: " + e.getMessage());
        }
    }

    private void tryOnImage() {
        ModelDescriptor m = list.getSelectionModel().getSelectedItem();
        if (m == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Image to try " + m.name() + " on");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Images", "*.jpg", "*.jpeg", "*.png", "*.bmp"));
        File f = fc.showOpenDialog(root.getScene().getWindow());
        if (f != null) {
            tryOn(m, f.toPath());
        }
    }

    /** Runs the model on an image in the background and shows the boxes or the top classes. */
    public void tryOn(ModelDescriptor m, Path image) {
        ctx.tasks().runQuietly(p -> {
            TryOutResult r = new ModelTryOut(sessions).run(m, ctx.workspace().root(), image, 5);
            Frame frame = Frame.of(0, System.currentTimeMillis(), new FrameImage(ModelTryOut.read(image)))
                    .withObjects(r.detections());
            return new TryOut(r, InsightsOverlay.draw(frame, true));
        }, out -> {
            tryImage.setImage(fxFrames.toImage(out.drawn()));
            tryResult.setText(out.result().summary());
        }, failure -> tryResult.setText("Failed: " + failure.getMessage()));
    }

    /** A try-out's result and the image with its boxes drawn. */
    private record TryOut(TryOutResult result, Mat drawn) {
    }

    /** For tests. */
    public ListView<ModelDescriptor> list() {
        return list;
    }

    public Label tryResult() {
        return tryResult;
    }

    public void showAlert(String text) {
        new Alert(Alert.AlertType.INFORMATION, text).show();
    }
}
