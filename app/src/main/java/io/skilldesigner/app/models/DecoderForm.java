package io.skilldesigner.app.models;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.Fit;
import io.skilldesigner.core.model.OutputLayout;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;

/** Decoder settings the user may adjust: layout override, input size, colour order, scaling and thresholds. */
final class DecoderForm extends GridPane {
    private final ChoiceBox<OutputLayout> layout = new ChoiceBox<>();
    private final Spinner<Integer> width = new Spinner<>(1, 4096, 640);
    private final Spinner<Integer> height = new Spinner<>(1, 4096, 640);
    private final ChoiceBox<Fit> fit = new ChoiceBox<>();
    private final Label preprocessing = new Label();
    private final CheckBox rgb = new CheckBox("RGB (else BGR)");
    private final TextField scale = new TextField();
    private final TextField score = new TextField();
    private final TextField iou = new TextField();
    private final Label error = new Label();
    private DecoderSettings current;

    DecoderForm(Consumer<DecoderSettings> onSave) {
        setId("decoder-form");
        setHgap(8);
        setVgap(6);
        setPadding(new Insets(8, 0, 0, 12));
        layout.getItems().setAll(OutputLayout.values());
        layout.setId("decoder-layout");
        fit.getItems().setAll(Fit.values());
        fit.setId("decoder-fit");
        preprocessing.setId("decoder-preprocessing");
        width.setEditable(true);
        height.setEditable(true);
        score.setId("decoder-score");
        error.getStyleClass().add("badge-error");
        Button save = new Button("Save decoder settings");
        save.setId("decoder-save");
        save.setOnAction(e -> {
            List<String> problems = new ArrayList<>();
            DecoderSettings d = read(problems);
            error.setText(String.join("\n", problems));
            if (problems.isEmpty()) {
                onSave.accept(d);
            }
        });
        int r = 0;
        addRow(r++, new Label("Layout"), layout);
        addRow(r++, new Label("Input width"), width);
        addRow(r++, new Label("Input height"), height);
        addRow(r++, new Label("Fit"), fit);
        addRow(r++, new Label(""), rgb);
        addRow(r++, new Label("Pixel scale"), scale);
        addRow(r++, new Label("Mean / std"), preprocessing);
        addRow(r++, new Label("Score threshold"), score);
        addRow(r++, new Label("NMS IoU"), iou);
        addRow(r, save, error);
    }

    void show(DecoderSettings d) {
        current = d;
        setDisable(d == null);
        if (d == null) {
            return;
        }
        layout.setValue(d.layout());
        width.getValueFactory().setValue(d.inputWidth());
        height.getValueFactory().setValue(d.inputHeight());
        fit.setValue(d.fit());
        preprocessing.setText("mean " + d.mean() + " / std " + d.std() + ", " + (d.nchw() ? "NCHW" : "NHWC")
                + (d.fit() == Fit.CENTER_CROP ? String.format(Locale.ROOT, ", crop %.3f of the shorter side",
                d.cropRatio()) : ""));
        rgb.setSelected(d.rgb());
        scale.setText(Double.toString(d.scale()));
        score.setText(Double.toString(d.scoreThreshold()));
        iou.setText(Double.toString(d.iouThreshold()));
    }

    private DecoderSettings read(List<String> problems) {
        double s = number(scale, "Pixel scale", 0, 1000, problems);
        double sc = number(score, "Score threshold", 0, 1, problems);
        double io = number(iou, "NMS IoU", 0, 1, problems);
        return new DecoderSettings(layout.getValue(), width.getValue(), height.getValue(), fit.getValue(),
                rgb.isSelected(), current.nchw(), s, current.mean(), current.std(), sc, io, current.maxDetections(),
                current.anchors(), current.cropRatio(), null);
    }

    private static double number(TextField f, String name, double lo, double hi, List<String> problems) {
        try {
            double v = Double.parseDouble(f.getText().trim());
            if (v < lo || v > hi) {
                problems.add(name + " must be between " + lo + " and " + hi + " (got " + v + ")");
            }
            return v;
        } catch (NumberFormatException e) {
            problems.add(name + " is not a number: '" + f.getText() + "'");
            return 0;
        }
    }
}
