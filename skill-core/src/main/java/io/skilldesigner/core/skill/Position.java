package io.skilldesigner.core.skill;

/** A node's place on the canvas, in canvas units. */
public record Position(double x, double y) {
    public static final Position ORIGIN = new Position(0, 0);
}
