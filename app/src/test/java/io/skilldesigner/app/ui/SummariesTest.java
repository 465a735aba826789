package io.skilldesigner.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.skill.Tag;

class SummariesTest {
    @Test
    void tagsReadAsWords() {
        assertEquals("none", Summaries.tags(List.of()));
        assertEquals("site=lab, demo", Summaries.tags(List.of(new Tag("site", "lab"), new Tag("demo", ""))));
    }

    @Test
    void emptyValuesAreRecognised() {
        assertTrue(Summaries.isEmpty(Map.of()));
        assertTrue(Summaries.isEmpty(List.of()));
        assertTrue(Summaries.isEmpty(" "));
        assertFalse(Summaries.isEmpty(0));
        assertFalse(Summaries.isEmpty(Map.of("a", "b")));
    }

    @Test
    void slugsAreFileNameSafe() {
        assertEquals("demo-ball-colours", Summaries.slug("Demo: ball colours"));
        assertEquals("", Summaries.slug(" :: "));
        assertEquals("a-b", Summaries.slug("../a/b"));
    }
}
