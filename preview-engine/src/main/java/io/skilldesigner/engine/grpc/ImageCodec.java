package io.skilldesigner.engine.grpc;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_RGB2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import java.nio.ByteBuffer;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.Image;
import io.skilldesigner.engine.grpc.proto.ImageProperties;
import io.skilldesigner.engine.grpc.proto.ImageType;

/**
 * Turns frame pixels into the protocol's {@code Image} and back. The colour format is the channel order of the
 * pixel array: for BMP/JPEG the array is converted first and then encoded as is, which is what a server gets back
 * from {@code cv2.imdecode} (the KAN runtime does the same).
 */
public final class ImageCodec {
    /** JPEG quality the client sends with: high enough that colour checks on small patches stay meaningful. */
    public static final int JPEG_QUALITY = 90;

    private ImageCodec() {
    }

    public static Image encode(FrameImage image, ImageType type, ColorFormat color) {
        Mat src = image.mat();
        Mat ordered = src;
        if (color == ColorFormat.COLOR_FORMAT_RGB) {
            ordered = new Mat();
            cvtColor(src, ordered, COLOR_BGR2RGB);
        }
        try {
            ByteString bytes = switch (type) {
                case IMAGE_TYPE_NUMPY -> rawBytes(ordered);
                case IMAGE_TYPE_BMP -> encoded(".bmp", ordered, null);
                case IMAGE_TYPE_JPEG -> encoded(".jpg", ordered, new int[] {IMWRITE_JPEG_QUALITY, JPEG_QUALITY});
                case UNRECOGNIZED -> throw new IllegalArgumentException("unknown image type " + type);
            };
            return Image.newBuilder().setImagePointer(bytes).setProperties(ImageProperties.newBuilder()
                    .setHeight(src.rows()).setWidth(src.cols()).setColorFormat(color)).build();
        } finally {
            if (ordered != src) {
                ordered.close();
            }
        }
    }

    /**
     * Decodes an image a server returned. BMP/JPEG/PNG are recognised by their signature; anything else must be
     * raw NUMPY bytes of exactly height × width × 3 as declared in its properties.
     */
    public static FrameImage decode(Image image) throws CustomNodeException {
        byte[] data = image.getImagePointer().toByteArray();
        if (data.length == 0) {
            throw new CustomNodeException("returned image is empty (image_pointer has no bytes)");
        }
        ImageProperties p = image.getProperties();
        Mat ordered = isEncodedFile(data) ? decodeFile(data) : decodeRaw(data, p);
        if (p.getColorFormat() == ColorFormat.COLOR_FORMAT_RGB) {
            Mat bgr = new Mat();
            cvtColor(ordered, bgr, COLOR_RGB2BGR);
            ordered.close();
            return new FrameImage(bgr);
        }
        return new FrameImage(ordered);
    }

    private static boolean isEncodedFile(byte[] d) {
        boolean bmp = d.length > 2 && d[0] == 'B' && d[1] == 'M';
        boolean jpeg = d.length > 2 && (d[0] & 0xff) == 0xFF && (d[1] & 0xff) == 0xD8;
        boolean png = d.length > 4 && (d[0] & 0xff) == 0x89 && d[1] == 'P' && d[2] == 'N' && d[3] == 'G';
        return bmp || jpeg || png;
    }

    private static Mat decodeFile(byte[] data) throws CustomNodeException {
        try (BytePointer ptr = new BytePointer(data); Mat buf = new Mat(1, data.length, CV_8UC1, ptr)) {
            Mat decoded = imdecode(buf, IMREAD_COLOR);
            if (decoded == null || decoded.empty()) {
                throw new CustomNodeException("returned image (" + data.length
                        + " bytes) has a BMP/JPEG/PNG signature but does not decode");
            }
            return decoded;
        }
    }

    private static Mat decodeRaw(byte[] data, ImageProperties p) throws CustomNodeException {
        long w = p.getWidth();
        long h = p.getHeight();
        if (w <= 0 || h <= 0 || w > 16384 || h > 16384) {
            throw new CustomNodeException("returned image (" + data.length + " bytes) is not BMP/JPEG/PNG and its"
                    + " properties give no usable size for raw pixels (width " + w + ", height " + h + ")");
        }
        if (w * h * 3 != data.length) {
            throw new CustomNodeException("returned raw image has " + data.length + " bytes but properties say "
                    + w + "x" + h + "x3 = " + (w * h * 3));
        }
        Mat m = new Mat((int) h, (int) w, CV_8UC3);
        m.data().put(data);
        return m;
    }

    private static ByteString rawBytes(Mat m) {
        Mat c = m.isContinuous() ? m : m.clone();
        try {
            ByteBuffer buf = c.createBuffer();
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return UnsafeByteOperations.unsafeWrap(out);
        } finally {
            if (c != m) {
                c.close();
            }
        }
    }

    private static ByteString encoded(String ext, Mat m, int[] params) {
        try (BytePointer buf = new BytePointer();
             IntPointer p = params == null ? new IntPointer() : new IntPointer(params)) {
            if (!imencode(ext, m, buf, p)) {
                throw new IllegalStateException("OpenCV could not encode a " + m.cols() + "x" + m.rows()
                        + " frame as " + ext);
            }
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return UnsafeByteOperations.unsafeWrap(out);
        }
    }
}
