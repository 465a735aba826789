package io.skilldesigner.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;
import io.skilldesigner.core.skill.Tag;

class ModelJsonTest {
    private final ModelJson json = new ModelJson();

    static ModelDescriptor full() {
        return new ModelDescriptor("custom-vision-1", "Custom Vision", ModelTask.DETECTION, "ONNX",
                FileLocation.blob("https://acct.blob.core.windows.net", "models", "cv/model.onnx").withPath("/c/m.onnx"),
                FileLocation.local("models/labels.txt"), "From the portal", List.of(new Tag("source", "kan")),
                new ModelIo(List.of(new TensorInfo("data", "FLOAT", List.of(1L, 3L, 512L, 512L))),
                        List.of(new TensorInfo("model_outputs0", "FLOAT", List.of(-1L, 40L, 16L, 16L))),
                        OutputLayout.YOLO_GRID, 0.9, "one [1,A*(5+C),H,W] output"),
                new DecoderSettings(OutputLayout.YOLO_GRID, 512, 512, false, false, true, 1.0,
                        List.of(0.0, 0.0, 0.0), List.of(1.0, 1.0, 1.0), 0.1, 0.45, 20,
                        DecoderSettings.CUSTOM_VISION_ANCHORS), "ab12");
    }

    @Test
    void roundTripsEveryField() throws Exception {
        ModelDescriptor m = full();
        String text = json.write(m);
        assertEquals(m, json.read(text, "models/custom-vision-1.model.json"));
        assertEquals(text, json.write(json.read(text, "x")));
        assertTrue(text.startsWith("{\n  \"formatVersion\": 1,\n  \"id\": \"custom-vision-1\""), text);
        assertTrue(text.contains("\"kind\": \"azure-blob\""), text);
        assertTrue(text.contains("\"layout\": \"yolo-grid\""), text);
    }

    @Test
    void roundTripsAModelNotYetOpened() throws Exception {
        ModelDescriptor m = new ModelDescriptor("cls", null, ModelTask.CLASSIFICATION, null,
                FileLocation.local("/m/cls.onnx"), null, null, null, null, null, null);
        String text = json.write(m);
        assertEquals(m, json.read(text, "cls.model.json"));
        assertTrue(!text.contains("\"io\"") && !text.contains("\"decoder\"") && !text.contains("\"labels\""), text);
    }

    @Test
    void errorsNameFileLineAndField() {
        String text = json.write(full()).replace("\"maxDetections\": 20", "\"maxDetections\": 2.5");
        FileFormatException e = assertThrows(FileFormatException.class,
                () -> json.read(text, "models/cv.model.json"));
        assertEquals("decoder.maxDetections", e.field());
        assertEquals("expected a whole number, got 2.5", e.detail());
        int line = (int) text.substring(0, text.indexOf("2.5")).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line, e.line());
        String task = json.write(full()).replace("\"task\": \"detection\"", "\"task\": \"segmentation\"");
        assertEquals("models/cv.model.json line 5, column 11: task: expected one of detection, classification,"
                + " got 'segmentation'", assertThrows(FileFormatException.class,
                () -> json.read(task, "models/cv.model.json")).getMessage());
        String newer = json.write(full()).replace("\"formatVersion\": 1", "\"formatVersion\": 2");
        assertThrows(UnsupportedFormatVersionException.class, () -> json.read(newer, "m.model.json"));
    }

    @Test
    void aPartialDecoderKeepsOnlyWhatWasGiven() throws Exception {
        String text = "{\"formatVersion\": 1, \"id\": \"m\", \"task\": \"detection\","
                + " \"decoder\": {\"scoreThreshold\": 0.05}}";
        io.skilldesigner.core.model.DecoderSettings d = json.read(text, "m.model.json").decoder();
        assertEquals(0.05, d.scoreThreshold());
        assertTrue(d.unset().contains("inputWidth") && d.unset().contains("fit") && !d.unset().contains("scoreThreshold"),
                d.unset().toString());
        io.skilldesigner.core.model.DecoderSettings defaults = new io.skilldesigner.core.model.DecoderSettings(
                io.skilldesigner.core.model.OutputLayout.YOLOV8, 640, 480, true, true, true, 1 / 255.0, null, null,
                0.25, 0.45, 100, null);
        io.skilldesigner.core.model.DecoderSettings merged = d.over(defaults);
        assertEquals(640, merged.inputWidth());
        assertEquals(io.skilldesigner.core.model.Fit.LETTERBOX, merged.fit());
        assertEquals(0.05, merged.scoreThreshold());
        assertTrue(merged.unset().isEmpty());
        String written = json.write(json.read(text, "m.model.json"));
        assertTrue(written.contains("\"scoreThreshold\": 0.05") && !written.contains("inputWidth"),
                "unset fields stay out, so they keep following the model: " + written);
    }
}
