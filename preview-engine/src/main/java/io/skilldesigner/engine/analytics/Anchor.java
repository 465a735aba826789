package io.skilldesigner.engine.analytics;

import io.skilldesigner.engine.frame.BBox;

/** Which point of an object's box zones and lines test. */
public enum Anchor {
    /** Where a person or vehicle touches the ground: less affected by the box's height than the centre. */
    BOTTOM_CENTER,
    CENTER;

    /** From the catalog's choice value ({@code bottom-center} or {@code center}). */
    public static Anchor of(String choice) {
        return "center".equals(choice) ? CENTER : BOTTOM_CENTER;
    }

    public Point of(BBox b) {
        return this == CENTER ? new Point(b.centerX(), b.centerY()) : new Point(b.centerX(), b.bottom());
    }
}
