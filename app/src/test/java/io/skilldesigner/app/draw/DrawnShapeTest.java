package io.skilldesigner.app.draw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.analytics.Point;

/** The drawing's geometry: snapping, insertion into the nearest edge, moves kept in the frame, minimum corners. */
class DrawnShapeTest {
    private static final DrawnShape SQUARE = DrawnShape.of(List.of(List.of(0.2, 0.2), List.of(0.6, 0.2),
            List.of(0.6, 0.6), List.of(0.2, 0.6)), 3, Integer.MAX_VALUE);

    @Test
    void pointsSnapOntoEdgesAndStayInTheFrame() {
        assertEquals(new Point(0, 1), DrawnShape.snap(new Point(0.015, 0.99)));
        assertEquals(new Point(0, 1), DrawnShape.snap(new Point(-0.3, 1.4)));
        assertEquals(new Point(0.5, 0.0251), DrawnShape.snap(new Point(0.50001, 0.02512)));
    }

    @Test
    void aClickGoesIntoTheEdgeItLengthensLeast() {
        DrawnShape s = SQUARE.add(new Point(0.65, 0.4));
        assertEquals(List.of(List.of(0.2, 0.2), List.of(0.6, 0.2), List.of(0.65, 0.4), List.of(0.6, 0.6),
                List.of(0.2, 0.6)), s.value());
        DrawnShape line = DrawnShape.of(List.of(List.of(0.1, 0.5), List.of(0.9, 0.5)), 2, 2);
        assertSame(line, line.add(new Point(0.5, 0.1)), "a line has two points");
    }

    @Test
    void theWholeShapeMovesOnlyAsFarAsTheFrameAllows() {
        assertEquals(List.of(List.of(0.0, 0.3), List.of(0.4, 0.3), List.of(0.4, 0.7), List.of(0.0, 0.7)),
                SQUARE.translate(-0.5, 0.1).value());
    }

    @Test
    void cornersAreRemovedDownToTheMinimumAndFoundWithinTheTolerance() {
        DrawnShape three = SQUARE.remove(1);
        assertEquals(3, three.points().size());
        assertSame(three, three.remove(0), "a zone keeps 3 corners");
        assertEquals(2, SQUARE.cornerAt(new Point(0.61, 0.59), 0.02, 0.02));
        assertEquals(-1, SQUARE.cornerAt(new Point(0.4, 0.4), 0.02, 0.02));
        assertTrue(SQUARE.grabs(new Point(0.4, 0.4), 0.02, 0.02));
        assertFalse(SQUARE.grabs(new Point(0.8, 0.4), 0.02, 0.02));
        DrawnShape line = DrawnShape.of(List.of(List.of(0.1, 0.5), List.of(0.9, 0.5)), 2, 2);
        assertTrue(line.grabs(new Point(0.5, 0.51), 0.02, 0.02));
        assertFalse(line.grabs(new Point(0.5, 0.6), 0.02, 0.02));
        assertFalse(SQUARE.cleared().isComplete());
    }
}
