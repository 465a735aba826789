package io.skilldesigner.engine.memory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** A real street video (people walking) scaled to 1920×1080 at 30 fps, MPEG-4: the soak's 1080p input. */
final class Upscaled1080p {
    private Upscaled1080p() {
    }

    static void write(Path source, Path target) throws Exception {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp.mp4");
        Files.createDirectories(target.toAbsolutePath().getParent());
        try (FFmpegFrameGrabber in = new FFmpegFrameGrabber(source.toFile());
             OpenCVFrameConverter.ToMat conv = new OpenCVFrameConverter.ToMat();
             Mat big = new Mat();
             Size size = new Size(1920, 1080)) {
            in.start();
            try (FFmpegFrameRecorder out = new FFmpegFrameRecorder(tmp.toFile(), 1920, 1080, 0)) {
                out.setFormat("mp4");
                out.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                out.setFrameRate(30);
                out.setVideoQuality(3);
                out.start();
                Frame f;
                while ((f = in.grabImage()) != null) {
                    opencv_imgproc.resize(conv.convert(f), big, size, 0, 0, opencv_imgproc.INTER_LINEAR);
                    out.record(conv.convert(big));
                }
                out.stop();
            }
            in.stop();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
    }
}
