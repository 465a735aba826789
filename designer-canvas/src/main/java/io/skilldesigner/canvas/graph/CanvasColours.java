package io.skilldesigner.canvas.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import io.skilldesigner.core.catalog.NodeCategory;

/**
 * The colours the canvas paints itself (grid, overview, minimap), set from the stylesheet like every other colour
 * of the editor ({@code .graph-canvas { -canvas-background: -sd-canvas-bg; ... }}), so they follow the theme.
 */
public final class CanvasColours {
    public static final String BACKGROUND = "-canvas-background";
    public static final String GRID = "-canvas-grid";
    public static final String EDGE = "-canvas-edge";
    public static final String SELECTION = "-canvas-selection";
    public static final String PANEL = "-canvas-panel";
    public static final String PANEL_BORDER = "-canvas-panel-border";
    private static final List<String> NAMES;
    private static final Map<String, CssMetaData<GraphCanvas, Color>> META = new LinkedHashMap<>();
    private static final List<CssMetaData<? extends Styleable, ?>> ALL;

    static {
        List<String> names = new ArrayList<>(List.of(BACKGROUND, GRID, EDGE, SELECTION, PANEL, PANEL_BORDER));
        for (NodeCategory c : NodeCategory.values()) {
            names.add(categoryProperty(c));
        }
        NAMES = List.copyOf(names);
        for (String name : NAMES) {
            META.put(name, new CssMetaData<>(name, StyleConverter.getColorConverter(), Color.GRAY) {
                @Override
                public boolean isSettable(GraphCanvas c) {
                    return !c.colours().property(name).isBound();
                }

                @Override
                public StyleableProperty<Color> getStyleableProperty(GraphCanvas c) {
                    return c.colours().property(name);
                }
            });
        }
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Region.getClassCssMetaData());
        all.addAll(META.values());
        ALL = Collections.unmodifiableList(all);
    }

    private final Map<String, StyleableObjectProperty<Color>> properties = new LinkedHashMap<>();

    CanvasColours(GraphCanvas owner, Runnable onChange) {
        for (String name : NAMES) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(META.get(name), owner, name,
                    Color.GRAY);
            // a change listener fires only for a different colour: CSS passes (focus, hover) set equal but new
            // Color objects, which would otherwise repaint the grid and the overview each time
            p.addListener((o, old, now) -> onChange.run());
            properties.put(name, p);
        }
    }

    static List<CssMetaData<? extends Styleable, ?>> cssMetaData() {
        return ALL;
    }

    StyleableObjectProperty<Color> property(String name) {
        return properties.get(name);
    }

    public Color get(String name) {
        StyleableObjectProperty<Color> p = properties.get(name);
        if (p == null) {
            throw new IllegalArgumentException("no canvas colour " + name + "; known: " + NAMES);
        }
        return p.get();
    }

    public Color category(NodeCategory c) {
        return get(categoryProperty(c));
    }

    private static String categoryProperty(NodeCategory c) {
        return "-category-" + c.name().toLowerCase(Locale.ROOT);
    }
}
