package io.skilldesigner.engine;

import java.nio.file.Path;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

/** Writes real MP4 files for tests: a coloured square moving across a grey background, a known frame count. */
public final class TestVideos {
    private TestVideos() {
    }

    /** {@code frames} copies of a photo (resized to width × height) as an MP4. */
    public static Path stillImage(Path file, Path image, int frames, int width, int height, int fps) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toString(), width, height, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat();
             Mat photo = org.bytedeco.opencv.global.opencv_imgcodecs.imread(image.toString());
             Mat resized = new Mat()) {
            if (photo.empty()) {
                throw new IllegalArgumentException("cannot read image " + image);
            }
            opencv_imgproc.resize(photo, resized, new org.bytedeco.opencv.opencv_core.Size(width, height));
            rec.setFormat("mp4");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(fps);
            rec.setVideoQuality(2);
            rec.start();
            for (int i = 0; i < frames; i++) {
                rec.record(converter.convert(resized));
            }
            rec.stop();
        }
        return file;
    }

    public static Path movingSquare(Path file, int frames, int width, int height, int fps) throws Exception {
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toString(), width, height, 0);
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            rec.setFormat("mp4");
            // MPEG-4 part 2: in every FFmpeg build (the LGPL one JavaCV ships has no x264).
            rec.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
            rec.setFrameRate(fps);
            rec.setGopSize(fps);
            rec.setVideoQuality(2);
            rec.start();
            int side = Math.max(8, height / 5);
            for (int i = 0; i < frames; i++) {
                try (Mat m = new Mat(height, width, org.bytedeco.opencv.global.opencv_core.CV_8UC3,
                        new Scalar(128, 128, 128, 0))) {
                    int x = (int) ((long) (width - side) * i / Math.max(1, frames - 1));
                    opencv_imgproc.rectangle(m, new Point(x, height / 2 - side / 2),
                            new Point(x + side, height / 2 + side / 2), new Scalar(0, 0, 255, 0),
                            opencv_imgproc.FILLED, opencv_imgproc.LINE_8, 0);
                    Frame f = converter.convert(m);
                    rec.record(f);
                }
            }
            rec.stop();
        }
        return file;
    }
}
