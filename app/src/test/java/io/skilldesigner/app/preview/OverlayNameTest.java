package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import javafx.geometry.Rectangle2D;

import org.junit.jupiter.api.Test;

/** A zone's or line's name is not hidden under the event banners. */
class OverlayNameTest {
    private static final Rectangle2D BANNERS = new Rectangle2D(6, 6, 400, 40); // two banners at the top left

    @Test
    void aNameUnderTheBannersGoesJustBelowThem() {
        // the demo's mid line starts at the top edge: its name would sit at y 0..16, under the first banner
        assertEquals(46 + 18, LabelLayout.nameBaseline(324, 16, 50, 18, BANNERS), 1e-9);
    }

    @Test
    void aNameElsewhereStaysAtItsShape() {
        assertEquals(216, LabelLayout.nameBaseline(324, 216, 50, 18, BANNERS), 1e-9);
        assertEquals(16, LabelLayout.nameBaseline(500, 16, 50, 18, BANNERS), 1e-9, "right of the banners");
        assertEquals(16, LabelLayout.nameBaseline(324, 16, 50, 18, Rectangle2D.EMPTY), 1e-9, "no banner");
    }
}
