package io.skilldesigner.canvas.palette;

import io.skilldesigner.canvas.CanvasStyles;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import io.skilldesigner.canvas.graph.IconCache;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;

/**
 * Node types from the catalog in three groups (Import, Process, Export) with a search box. An entry is added by
 * double-click (at the view centre) or by dragging it onto the canvas. The drag is done with plain mouse events
 * (not platform drag and drop) so it behaves the same on every platform and under headless tests.
 */
public final class NodePalette extends VBox {
    private final TextField search = new TextField();
    private final List<TitledPane> groups = new ArrayList<>();
    private final List<Label> items = new ArrayList<>();

    /**
     * @param onAdd  called with a type to add at the view centre
     * @param onDrop called with a type and the scene point where a drag ended
     * @param onDrag called with the scene point while dragging (null when the drag ends), for a drag ghost
     */
    public NodePalette(NodeCatalog catalog, IconCache icons, Consumer<NodeType> onAdd,
                       BiConsumer<NodeType, Point2D> onDrop, BiConsumer<NodeType, Point2D> onDrag) {
        getStyleClass().add(CanvasStyles.PALETTE);
        setSpacing(6);
        search.setPromptText("Search nodes");
        search.setId("palette-search");
        search.textProperty().addListener((o, a, b) -> filter(b));
        getChildren().add(search);
        for (NodeCategory c : NodeCategory.values()) {
            VBox box = new VBox(2);
            for (NodeType t : catalog.inCategory(c)) {
                Label item = new Label(t.displayName());
                item.getStyleClass().add(CanvasStyles.PALETTE_ITEM);
                item.setId("palette-" + t.id());
                item.setUserData(t);
                item.setMaxWidth(Double.MAX_VALUE);
                item.setWrapText(true); // long names ("gRPC custom processing") wrap instead of being cut
                icons.icon(t.iconName()).ifPresent(img -> {
                    ImageView iv = new ImageView(img);
                    iv.setFitWidth(24);
                    iv.setFitHeight(24);
                    iv.setPreserveRatio(true);
                    item.setGraphic(iv);
                });
                Tooltip tip = new Tooltip(t.description());
                tip.setWrapText(true);
                tip.setMaxWidth(320);
                item.setTooltip(tip);
                item.setOnMouseClicked(e -> {
                    if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) {
                        onAdd.accept(t);
                    }
                });
                item.setOnMouseDragged(e -> onDrag.accept(t, new Point2D(e.getSceneX(), e.getSceneY())));
                item.setOnMouseReleased(e -> {
                    if (!e.isStillSincePress()) {
                        onDrag.accept(t, null);
                        onDrop.accept(t, new Point2D(e.getSceneX(), e.getSceneY()));
                    }
                });
                items.add(item);
                box.getChildren().add(item);
            }
            TitledPane group = new TitledPane(c.displayName(), box);
            group.setId("palette-group-" + c.name().toLowerCase(Locale.ROOT));
            group.setUserData(box);
            groups.add(group);
            getChildren().add(group);
        }
        VBox.setVgrow(this, Priority.ALWAYS);
    }

    public TextField searchField() {
        return search;
    }

    /** Entries currently shown (for tests). */
    public List<NodeType> shownTypes() {
        return items.stream().filter(Label::isVisible).map(l -> (NodeType) l.getUserData()).toList();
    }

    private void filter(String query) {
        String q = query == null ? "" : query.trim().toLowerCase(Locale.ROOT);
        for (Label item : items) {
            NodeType t = (NodeType) item.getUserData();
            boolean show = q.isEmpty() || t.displayName().toLowerCase(Locale.ROOT).contains(q)
                    || t.description().toLowerCase(Locale.ROOT).contains(q) || t.id().contains(q);
            item.setVisible(show);
            item.setManaged(show);
        }
        for (TitledPane g : groups) {
            boolean any = ((VBox) g.getUserData()).getChildren().stream().anyMatch(n -> n.isVisible());
            g.setVisible(any);
            g.setManaged(any);
        }
    }
}
