package io.skilldesigner.canvas;

import io.skilldesigner.core.catalog.NodeCategory;

/**
 * The style class names the editor's views use and {@code skill-editor.css} styles, named once so the views, the
 * stylesheet's readers and the tests agree.
 */
public final class CanvasStyles {
    public static final String STYLESHEET = "/io/skilldesigner/canvas/skill-editor.css";
    public static final String EDITOR = "skill-editor";
    public static final String GRAPH_VIEW = "skill-graph-view";
    public static final String EDITOR_TOOLBAR = "editor-toolbar";
    public static final String GRAPH_CANVAS = "graph-canvas";
    public static final String MINIMAP = "minimap";
    public static final String NODE = "skill-node";
    public static final String NODE_NAME = "node-name";
    public static final String NODE_TYPE = "node-type";
    public static final String STATUS_BADGE = "status-badge";
    public static final String STATUS_TEXT = "status-text";
    public static final String RENAME_FIELD = "rename-field";
    public static final String PORT = "port";
    public static final String INPUT_PORT = "input-port";
    public static final String OUTPUT_PORT = "output-port";
    public static final String EDGE = "skill-edge";
    public static final String EDGE_LINE = "edge-line";
    public static final String EDGE_HIT = "edge-hit";
    public static final String CONNECTION_PREVIEW = "connection-preview";
    public static final String RUBBER_BAND = "rubber-band";
    public static final String CANVAS_MESSAGE = "canvas-message";
    public static final String PALETTE = "node-palette";
    public static final String PALETTE_SCROLL = "palette-scroll";
    public static final String PALETTE_CATEGORY = "palette-category";
    public static final String PALETTE_ITEM = "palette-item";
    public static final String DRAG_GHOST = "drag-ghost";
    public static final String PROPERTIES_PANEL = "properties-panel";
    public static final String PROPERTIES_CONTENT = "properties-content";
    public static final String PROPERTIES_TITLE = "properties-title";
    public static final String PROPERTIES_HINT = "properties-hint";
    public static final String SETTING_ROW = "setting-row";
    public static final String SETTING_LABEL = "setting-label";
    public static final String SETTING_HELP = "setting-help";
    public static final String SETTING_ERROR = "setting-error";
    public static final String STEP_BUTTON = "step-button";
    public static final String JSON_EDITOR = "json-editor";
    public static final String PROBLEMS_VIEW = "problems-view";
    public static final String PROBLEMS_SUMMARY = "problems-summary";
    public static final String PROBLEM_ERROR = "problem-error";
    public static final String PROBLEM_WARNING = "problem-warning";
    public static final String HELP_OVERLAY = "help-overlay";
    public static final String HELP_CARD = "help-card";
    public static final String HELP_TITLE = "help-title";
    public static final String HELP_KEYS = "help-keys";

    private CanvasStyles() {
    }

    /** The class that gives a node its category colour ({@code -sd-category-<name>} in the stylesheet). */
    public static String category(NodeCategory c) {
        return "category-" + c.name().toLowerCase(java.util.Locale.ROOT);
    }
}
