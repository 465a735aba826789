package io.skilldesigner.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** Placeholders are found wherever they are, and plain text (the common case, checked first) has none. */
class ParamRefTest {
    @Test
    void wholeValuePlaceholder() {
        assertTrue(ParamRef.isParamRef("$param(rtsp)"));
        assertTrue(ParamRef.isParamRef("  $param(camera_1.url) \n"));
        assertEquals(Optional.of("camera_1.url"), ParamRef.name(" $param(camera_1.url) "));
        for (String not : List.of("rtsp://cam/stream", "$param", "$param(", "param(rtsp)", "x $param(rtsp)",
                "$param(rtsp) x", "$param(1st)", "")) {
            assertFalse(ParamRef.isParamRef(not), not);
        }
        assertFalse(ParamRef.isParamRef(null));
    }

    @Test
    void embeddedPlaceholders() {
        assertEquals(List.of("host", "port"),
                List.copyOf(ParamRef.namesIn("rtsp://$param(host):$param(port)/s?x=$param(host)")));
        assertEquals(Set.of(), ParamRef.namesIn("rtsp://user:pw@cam/stream (param)"));
        assertEquals(Set.of(), ParamRef.namesIn("$param"));
        assertEquals(Set.of(), ParamRef.namesIn(null));
        assertEquals(Set.of(""), ParamRef.namesIn("$param()"));
        assertEquals("$param(fps)", ParamRef.of("fps"));
    }
}
