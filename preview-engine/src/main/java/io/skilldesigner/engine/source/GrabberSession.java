package io.skilldesigner.engine.source;

import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.FrameGrabber;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.engine.frame.FrameImage;

/** One opened FFmpeg grabber and its converter to BGR Mats. Not thread-safe except {@link #release()}. */
final class GrabberSession {
    private final FFmpegFrameGrabber grabber;
    private final OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
    private boolean released;

    private GrabberSession(FFmpegFrameGrabber grabber) {
        this.grabber = grabber;
    }

    static {
        // FFmpeg's own logging goes to stderr at INFO by default; our messages say what matters.
        avutil.av_log_set_level(avutil.AV_LOG_ERROR);
    }

    /** Creates and starts a grabber; {@code setup} sets format and options before start. */
    static GrabberSession start(String input, java.util.function.Consumer<FFmpegFrameGrabber> setup)
            throws FrameGrabber.Exception {
        FFmpegFrameGrabber g = new FFmpegFrameGrabber(input);
        g.setPixelFormat(avutil.AV_PIX_FMT_BGR24);
        setup.accept(g);
        try {
            g.start();
        } catch (FrameGrabber.Exception | RuntimeException e) {
            try {
                g.release();
            } catch (FrameGrabber.Exception ignored) {
                // The start failure is what the caller must see; a failing release of a never-started grabber adds nothing.
            }
            throw e;
        }
        return new GrabberSession(g);
    }

    /** The next image as a BGR Mat the caller owns, or null at end of input. */
    FrameImage grab() throws FrameGrabber.Exception {
        Frame f = grabber.grabImage();
        if (f == null) {
            return null;
        }
        Mat reused = converter.convert(f);
        // The converter and grabber reuse their buffers on the next grab: one copy at decode, none afterwards.
        // The copy lives in memory JavaCPP allocated and counts, so when frames pile up faster than the
        // garbage collector frees them JavaCPP runs it (OpenCV's own allocations are invisible to it, and the
        // process grew to gigabytes before a collection).
        BytePointer pixels = new BytePointer(reused.total() * reused.elemSize());
        Mat copy = new Mat(reused.rows(), reused.cols(), reused.type(), pixels);
        reused.copyTo(copy);
        return new FrameImage(copy);
    }

    double frameRate() {
        return grabber.getFrameRate();
    }

    synchronized void release() {
        if (released) {
            return;
        }
        released = true;
        try {
            grabber.release();
        } catch (FrameGrabber.Exception e) {
            // Releasing during shutdown: nothing left to recover, and the caller is already closing.
            System.getLogger(GrabberSession.class.getName()).log(System.Logger.Level.DEBUG, "release failed", e);
        } finally {
            converter.close();
        }
    }
}
