package io.skilldesigner.engine.source;

import java.util.Locale;

import org.bytedeco.javacv.FFmpegFrameGrabber;

/**
 * A local camera through FFmpeg's capture devices: v4l2 on Linux ({@code /dev/videoN}), dshow on Windows
 * ({@code video=NAME}), avfoundation on macOS (index or name). Reconnects like a stream when unplugged.
 */
public final class WebcamSource extends StreamSource {
    public WebcamSource(SourceSpec spec, SourceStateListener listener) {
        this(spec, OsFamily.current(), listener);
    }

    WebcamSource(SourceSpec spec, OsFamily os, SourceStateListener listener) {
        super(spec, input(spec.location(), os), g -> configure(g, spec, os), listener);
    }

    /** Operating systems that name capture devices differently. */
    public enum OsFamily {
        LINUX, WINDOWS, MAC;

        public static OsFamily current() {
            String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (name.contains("win")) {
                return WINDOWS;
            }
            if (name.contains("mac") || name.contains("darwin")) {
                return MAC;
            }
            return LINUX;
        }

        /** FFmpeg's input format for capture devices on this OS. */
        public String ffmpegFormat() {
            return switch (this) {
                case LINUX -> "v4l2";
                case WINDOWS -> "dshow";
                case MAC -> "avfoundation";
            };
        }
    }

    /** The FFmpeg input string for a device given as an index or a name. */
    public static String input(String device, OsFamily os) {
        String d = device.trim();
        boolean index = d.matches("\\d+");
        return switch (os) {
            case LINUX -> index ? "/dev/video" + d : d;
            // dshow has no index syntax; a name is required (see WebcamDevices for the names).
            case WINDOWS -> d.startsWith("video=") ? d : "video=" + d;
            // avfoundation takes "VIDEO:AUDIO"; "none" skips audio.
            case MAC -> d.contains(":") ? d : d + ":none";
        };
    }

    private static void configure(FFmpegFrameGrabber g, SourceSpec spec, OsFamily os) {
        g.setFormat(os.ffmpegFormat());
    }
}
