package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Class names from model metadata in the shapes exporters write them. */
class ModelNamesTest {
    @Test
    void ultralyticsDictListAndPlainText() {
        assertEquals(List.of("person", "bicycle", "traffic light"),
                ModelNames.parse("{0: 'person', 1: 'bicycle', 2: 'traffic light'}"));
        assertEquals(List.of("it's", "b"), ModelNames.parse("{0: \"it's\", 1: 'b'}"), "Python repr quoting");
        assertEquals(List.of("a", "b"), ModelNames.parse("{\"0\": \"a\", \"1\": \"b\"}"), "JSON dict");
        assertEquals(List.of("a", "b"), ModelNames.parse("['a', 'b']"));
        assertEquals(List.of("a", "b c"), ModelNames.parse("a, b c"));
        assertEquals(List.of("a", "b"), ModelNames.parse("a\nb\n"));
        assertEquals(List.of(), ModelNames.parse("{0: 'a', 2: 'c'}"), "gaps: not usable by index");
    }

    @Test
    void labelsAndClassesKeysAndTheSource() {
        ModelNames n = ModelNames.fromMetadata(Map.of("classes", "[\"cat\", \"dog\"]")).orElseThrow();
        assertEquals(List.of("cat", "dog"), n.names());
        assertEquals("model metadata 'classes'", n.source());
        assertTrue(ModelNames.fromMetadata(Map.of("author", "x")).isEmpty());
        assertEquals(ModelNames.NONE, ModelNames.of(null, Map.of()).source());
    }
}
