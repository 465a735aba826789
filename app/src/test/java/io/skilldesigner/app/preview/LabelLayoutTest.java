package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.frame.FrameEvent;
import javafx.geometry.Rectangle2D;

class LabelLayoutTest {
    private static final Rectangle2D VIDEO = new Rectangle2D(40, 20, 640, 360);

    private static boolean inside(Rectangle2D r) {
        return r.getMinX() >= VIDEO.getMinX() && r.getMinY() >= VIDEO.getMinY() && r.getMaxX() <= VIDEO.getMaxX()
                && r.getMaxY() <= VIDEO.getMaxY();
    }

    @Test
    void captionsOfBoxesAtTheEdgesStayInsideTheVideo() {
        LabelLayout l = new LabelLayout(VIDEO);
        // top-left corner, right edge, bottom edge, and a caption wider than the video
        List<Rectangle2D> out = List.of(
                l.place(new Rectangle2D(40, 20, 50, 50), 120, 18),
                l.place(new Rectangle2D(660, 200, 20, 20), 200, 18),
                l.place(new Rectangle2D(300, 370, 60, 10), 90, 18),
                l.place(new Rectangle2D(100, 150, 60, 60), 2000, 18));
        for (Rectangle2D r : out) {
            assertTrue(inside(r), r + " lies inside " + VIDEO);
        }
        assertEquals(640, out.get(3).getWidth(), 1e-9, "a too wide caption is cut to the video's width");
    }

    @Test
    void captionsOfOverlappingBoxesDoNotOverlap() {
        LabelLayout l = new LabelLayout(VIDEO);
        List<Rectangle2D> placed = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            placed.add(l.place(new Rectangle2D(200 + i * 4, 100 + i * 3, 80, 80), 150, 18));
        }
        for (int i = 0; i < placed.size(); i++) {
            assertTrue(inside(placed.get(i)));
            for (int j = i + 1; j < placed.size(); j++) {
                assertFalse(placed.get(i).intersects(placed.get(j)), placed.get(i) + " overlaps " + placed.get(j));
            }
        }
    }

    @Test
    void eventsReadAsWordsNotKeyValuePairs() {
        FrameEvent e = new FrameEvent("line-crossing", "1", List.of(),
                new LinkedHashMap<>(Map.of("line", "midline")), 0);
        assertEquals("Line crossing · line midline", EventText.of(e));
        assertEquals("in count", EventText.words("inCount"));
        assertEquals("tracking id", EventText.words("trackingId"));
    }
}
