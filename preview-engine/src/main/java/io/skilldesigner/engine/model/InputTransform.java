package io.skilldesigner.engine.model;

import io.skilldesigner.engine.frame.BBox;

/**
 * How a source image was fitted into the model input (resize or letterbox), to map boxes back.
 *
 * @param scaleX model pixels per source pixel, horizontally
 * @param padX   letterbox padding on the left, model pixels
 */
public record InputTransform(int srcWidth, int srcHeight, int inputWidth, int inputHeight, double scaleX,
                             double scaleY, double padX, double padY) {
    /** A box in model-input pixels (corners) as a box normalised to the source image, clamped to it. */
    public BBox toSource(double x1, double y1, double x2, double y2) {
        double l = (x1 - padX) / scaleX / srcWidth;
        double t = (y1 - padY) / scaleY / srcHeight;
        double r = (x2 - padX) / scaleX / srcWidth;
        double b = (y2 - padY) / scaleY / srcHeight;
        return new BBox((float) l, (float) t, (float) (r - l), (float) (b - t)).clamp();
    }
}
