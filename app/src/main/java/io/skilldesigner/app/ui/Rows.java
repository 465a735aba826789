package io.skilldesigner.app.ui;

import java.util.Collection;
import java.util.List;

import javafx.geometry.Pos;
import javafx.geometry.VPos;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * Rows of buttons that never cut their text: each labelled control keeps at least its preferred width and the row
 * wraps to another line when the page is too narrow (a long status message no longer squeezes "Models" to "Mo…").
 */
public final class Rows {
    private Rows() {
    }

    public static FlowPane of(double gap, Node... items) {
        FlowPane row = new FlowPane(gap, gap / 2, items);
        row.setAlignment(Pos.CENTER_LEFT);
        row.setRowValignment(VPos.CENTER);
        for (Node n : items) {
            keepText(n);
        }
        return row;
    }

    /** A labelled control (button, label) keeps the width its text needs. */
    public static <T extends Node> T keepText(T n) {
        if (n instanceof Labeled l && !l.isWrapText()) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        return n;
    }

    /** A table column at least as wide as its header text ("RUNNING", "Model") plus the header's padding. */
    public static <S, T> TableColumn<S, T> keepHeader(TableColumn<S, T> c) {
        return fitting(c, List.of());
    }

    /** A table column wide enough for its header and for each of the given cell texts (e.g. every state name). */
    public static <S, T> TableColumn<S, T> fitting(TableColumn<S, T> c, Collection<String> cellTexts) {
        double w = new Text(c.getText()).getLayoutBounds().getWidth();
        for (String s : cellTexts) {
            w = Math.max(w, new Text(s).getLayoutBounds().getWidth());
        }
        c.setMinWidth(Math.ceil(w * 1.1) + 24); // 10% for the bolder or larger font of the page
        return c;
    }
}
