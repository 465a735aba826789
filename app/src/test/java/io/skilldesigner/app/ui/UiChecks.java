package io.skilldesigner.app.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.text.Text;

/** Checks computed from the rendered nodes: truncated labels and text contrast (WCAG 2.x). */
public final class UiChecks {
    private UiChecks() {
    }

    /** Visible labelled controls (buttons, labels, table headers) whose text is shown shortened ("Mo…"). */
    public static List<String> truncated(Parent root) {
        List<String> out = new ArrayList<>();
        visit(root, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && showing(l)) {
                Text shown = shownText(l);
                if (shown != null && !shown.getText().equals(l.getText())
                        && !l.isWrapText() && shown.getText().endsWith(l.getEllipsisString())) {
                    out.add(describe(l) + " shows '" + shown.getText() + "'");
                }
            }
        });
        return out;
    }

    /** Text nodes (label text) whose contrast against the background behind them is below the minimum. */
    public static List<String> lowContrast(Parent root, double minimum) {
        List<String> out = new ArrayList<>();
        visit(root, n -> {
            if (n instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && showing(l)
                    && !l.isDisabled()) {
                Text shown = shownText(l);
                if (shown == null || !(shown.getFill() instanceof Color fg)) {
                    return;
                }
                Color bg = backgroundBehind(l);
                double ratio = contrast(fg, bg);
                if (ratio < minimum) {
                    out.add(String.format("%s: %.2f:1 (text %s on %s)", describe(l), ratio, fg, bg));
                }
            }
        });
        return out;
    }

    /** Number of visible labelled controls with text inside root (so a check over nothing cannot pass). */
    public static int labelledCount(Parent root) {
        int[] n = {0};
        visit(root, x -> {
            if (x instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && showing(l)) {
                n[0]++;
            }
        });
        return n[0];
    }

    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** The first opaque-enough background fill found from the node up, blended over what is behind it. */
    public static Color backgroundBehind(Node n) {
        List<Color> layers = new ArrayList<>();
        for (Node p = n; p != null; p = p.getParent()) {
            if (p instanceof Region r) {
                Background bg = r.getBackground();
                if (bg != null) {
                    for (int i = bg.getFills().size() - 1; i >= 0; i--) {
                        BackgroundFill f = bg.getFills().get(i);
                        Paint paint = f.getFill();
                        if (paint instanceof Color c && c.getOpacity() > 0 && coversNode(r, f, n)) {
                            layers.add(c);
                            if (c.getOpacity() >= 0.99) {
                                return blend(layers);
                            }
                            break;
                        }
                    }
                }
            }
        }
        layers.add(n.getScene() != null && n.getScene().getFill() instanceof Color c ? c : Color.WHITE);
        return blend(layers);
    }

    private static boolean coversNode(Region r, BackgroundFill f, Node n) {
        if (r == n) {
            return true;
        }
        // insets larger than the region (e.g. a focus ring layer) do not sit behind the text
        return f.getInsets().getLeft() < r.getWidth() / 2 && f.getInsets().getTop() < r.getHeight() / 2;
    }

    private static Color blend(List<Color> topFirst) {
        Color out = topFirst.get(topFirst.size() - 1);
        for (int i = topFirst.size() - 2; i >= 0; i--) {
            Color c = topFirst.get(i);
            double a = c.getOpacity();
            out = new Color(c.getRed() * a + out.getRed() * (1 - a), c.getGreen() * a + out.getGreen() * (1 - a),
                    c.getBlue() * a + out.getBlue() * (1 - a), 1);
        }
        return new Color(out.getRed(), out.getGreen(), out.getBlue(), 1);
    }

    private static Text shownText(Labeled l) {
        for (Node c : l.getChildrenUnmodifiable()) {
            if (c instanceof Text t) {
                return t;
            }
        }
        return null;
    }

    private static boolean showing(Node n) {
        if (n.getScene() == null) {
            return false;
        }
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible() || p.getOpacity() == 0) {
                return false;
            }
        }
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMaxX() > 0 && b.getMaxY() > 0
                && b.getMinX() < n.getScene().getWidth() && b.getMinY() < n.getScene().getHeight();
    }

    private static String describe(Labeled l) {
        return l.getClass().getSimpleName() + (l.getId() == null ? "" : "#" + l.getId()) + " '" + l.getText() + "'";
    }

    private static void visit(Node n, Consumer<Node> f) {
        f.accept(n);
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                visit(c, f);
            }
        }
    }
}
