package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.source.SourceSpec;

class AppOptionsTest {
    @Test
    void addSourceIsRepeatableAndReadAsTheCommandLineReadsASource() {
        AppOptions o = AppOptions.parse(List.of("--add-source", "/videos/a.mp4", "--add-source",
                "rtsp://cam.local/live?transport=udp", "--add-source", "webcam:1"));
        List<SourceSpec> s = o.extraSources();
        assertEquals(3, s.size());
        assertEquals(SourceSpec.Kind.FILE, s.get(0).kind());
        assertTrue(s.get(0).loop(), "a file loops in the preview, as a picked file does");
        assertEquals(SourceSpec.Kind.RTSP, s.get(1).kind());
        assertEquals("udp", s.get(1).rtspTransport());
        assertEquals(SourceSpec.Kind.WEBCAM, s.get(2).kind());
    }

    @Test
    void addSourceWithoutAValueSaysWhichOption() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> AppOptions.parse(List.of("--add-source")));
        assertEquals("--add-source needs a value", e.getMessage());
    }
}
