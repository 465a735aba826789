package io.skilldesigner.canvas.graph;

import io.skilldesigner.canvas.CanvasStyles;

import javafx.css.PseudoClass;
import javafx.scene.control.Tooltip;
import javafx.scene.shape.Circle;

import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.PortRef;

/** A port circle on a node; lights up (compatible) or dims (refused) while a connection is dragged. */
public final class PortView extends Circle {
    static final PseudoClass COMPATIBLE = PseudoClass.getPseudoClass("compatible");
    static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");
    private final PortRef ref;
    private final PortSpec spec;
    private final boolean input;
    private final Tooltip tooltip;

    PortView(String nodeId, PortSpec spec, boolean input) {
        super(NodeGeometry.PORT_RADIUS);
        this.ref = new PortRef(nodeId, spec.id());
        this.spec = spec;
        this.input = input;
        getStyleClass().addAll(CanvasStyles.PORT, input ? CanvasStyles.INPUT_PORT : CanvasStyles.OUTPUT_PORT);
        setId("port-" + nodeId + "-" + (input ? "in-" : "out-") + spec.id());
        tooltip = new Tooltip(describe());
        Tooltip.install(this, tooltip);
    }

    public PortRef ref() {
        return ref;
    }

    public PortSpec spec() {
        return spec;
    }

    public boolean isInput() {
        return input;
    }

    void highlight(boolean compatible, String reason) {
        pseudoClassStateChanged(COMPATIBLE, compatible);
        pseudoClassStateChanged(REFUSED, !compatible);
        tooltip.setText(compatible ? describe() : reason);
    }

    void clearHighlight() {
        pseudoClassStateChanged(COMPATIBLE, false);
        pseudoClassStateChanged(REFUSED, false);
        tooltip.setText(describe());
    }

    void explain(String reason) {
        tooltip.setText(reason);
    }

    private String describe() {
        return (input ? "Input " : "Output ") + spec.label() + " (" + spec.kind() + (input && !spec.multiple()
                ? ", one connection" : "") + ")";
    }
}
