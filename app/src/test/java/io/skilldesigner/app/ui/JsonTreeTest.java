package io.skilldesigner.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import javafx.scene.control.TreeItem;

class JsonTreeTest {
    private static List<String> values(TreeItem<String> t) {
        return t.getChildren().stream().map(TreeItem::getValue).toList();
    }

    @Test
    void objectsAndArraysBecomeBranchesValuesLeaves() {
        TreeItem<String> t = JsonTree.of("IoT Hub", "{\"frame\":7,\"objects\":[{\"label\":\"ball\"}],\"tags\":{}}");
        assertEquals("IoT Hub", t.getValue());
        assertEquals(List.of("frame: 7", "objects: [1]", "tags: {0}"), values(t));
        TreeItem<String> objects = t.getChildren().get(1);
        assertEquals(List.of("[0]: {1}"), values(objects));
        assertEquals(List.of("label: \"ball\""), values(objects.getChildren().get(0)));
    }

    @Test
    void textThatIsNotJsonIsShownAsItIs() {
        assertEquals(List.of("not json {"), values(JsonTree.of("HTTP", "not json {")));
    }
}
