package io.skilldesigner.engine.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bytedeco.ffmpeg.global.avutil;

import io.skilldesigner.core.catalog.nodes.CameraInputNode;

/**
 * Why a stream could not be opened or read, in words, and whether trying again can help. FFmpeg reports numbers
 * ({@code error -875574520}); operators need "RTSP 404 not found: /nope".
 *
 * @param words     what went wrong, naming the URL or path (never credentials)
 * @param permanent true when retrying cannot help until someone changes something (wrong path, password, codec)
 */
public record SourceProblem(String words, boolean permanent) {
    private static final Pattern CODE = Pattern.compile("error:? (-\\d+)");

    // Linux errno values, as FFmpeg returns them (AVERROR(e) = -e).
    private static final int ECONNREFUSED = -111;
    private static final int ETIMEDOUT = -110;
    private static final int EHOSTUNREACH = -113;
    private static final int ENETUNREACH = -101;
    private static final int ECONNRESET = -104;
    private static final int EPIPE = -32;
    private static final int EIO = -5;
    private static final int ENOENT = -2;
    private static final int EACCES = -13;
    private static final int EBUSY = -16;

    public static SourceProblem transientProblem(String words) {
        return new SourceProblem(words, false);
    }

    /** Checks an RTSP URL before any connection: a malformed one can never work. */
    public static SourceProblem checkRtspUrl(String url) {
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("rtsp") && !scheme.equals("rtsps")) {
                return new SourceProblem("malformed RTSP URL " + CameraInputNode.redact(url)
                        + ": it must start with rtsp:// or rtsps://", true);
            }
            if (uri.getHost() == null || uri.getHost().isBlank()) {
                return new SourceProblem("malformed RTSP URL " + CameraInputNode.redact(url) + ": no host", true);
            }
            return null;
        } catch (URISyntaxException e) {
            return new SourceProblem("malformed RTSP URL " + CameraInputNode.redact(url) + ": " + e.getReason(), true);
        }
    }

    /**
     * Translates a grabber failure. {@code url} is the stream's location (for the path in a 404), {@code described}
     * how messages name the stream (redacted).
     */
    public static SourceProblem of(Throwable e, String url, String described) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (message.contains("avcodec_find_decoder") || message.contains("Unsupported video format")
                || message.contains("no decoder")) {
            return new SourceProblem("unsupported codec in " + described, true);
        }
        Matcher m = CODE.matcher(message);
        if (!m.find()) {
            return transientProblem(CameraInputNode.redact(message.replace(url, described)));
        }
        return ofCode(Integer.parseInt(m.group(1)), url, described);
    }

    /** Translates an FFmpeg error code (negative). */
    public static SourceProblem ofCode(int code, String url, String described) {
        if (code == avutil.AVERROR_HTTP_NOT_FOUND) {
            return new SourceProblem("RTSP 404 not found: " + path(url) + " (" + described + ")", true);
        }
        if (code == avutil.AVERROR_HTTP_UNAUTHORIZED) {
            return new SourceProblem("401 unauthorized: wrong or missing user name and password for " + described,
                    true);
        }
        if (code == avutil.AVERROR_HTTP_FORBIDDEN) {
            return new SourceProblem("403 forbidden: " + described + " refuses this user", true);
        }
        if (code == avutil.AVERROR_HTTP_BAD_REQUEST || code == avutil.AVERROR_HTTP_OTHER_4XX) {
            return new SourceProblem("the camera refused the request (4xx) for " + described, true);
        }
        if (code == avutil.AVERROR_PROTOCOL_NOT_FOUND || code == avutil.AVERROR_DEMUXER_NOT_FOUND) {
            return new SourceProblem("unsupported protocol or format: " + described, true);
        }
        if (code == avutil.AVERROR_DECODER_NOT_FOUND) {
            return new SourceProblem("unsupported codec in " + described, true);
        }
        if (code == avutil.AVERROR_HTTP_SERVER_ERROR) {
            return transientProblem("the camera reported a server error (5xx) for " + described);
        }
        if (code == avutil.AVERROR_INVALIDDATA) {
            return transientProblem("no valid stream from " + described + " (invalid data)");
        }
        if (code == avutil.AVERROR_EOF) {
            return transientProblem(described + " ended the stream");
        }
        if (code == avutil.AVERROR_EXIT) {
            return transientProblem("interrupted while talking to " + described);
        }
        return switch (code) {
            case ECONNREFUSED -> transientProblem("connection refused by " + described);
            case ETIMEDOUT -> transientProblem("no answer from " + described + " (timed out)");
            case EHOSTUNREACH -> transientProblem("host unreachable: " + described);
            case ENETUNREACH -> transientProblem("network unreachable: " + described);
            case ECONNRESET, EPIPE -> transientProblem("connection reset by " + described);
            case EIO -> transientProblem("I/O error talking to " + described + " (host name not resolvable?)");
            case ENOENT -> transientProblem("not found: " + described);
            case EACCES -> new SourceProblem("permission denied: " + described, true);
            case EBUSY -> transientProblem(described + " is busy (used by another program?)");
            default -> transientProblem(ffmpegWords(code) + " (" + described + ", FFmpeg error " + code + ")");
        };
    }

    private static String ffmpegWords(int code) {
        byte[] buf = new byte[256];
        if (avutil.av_strerror(code, buf, buf.length) < 0) {
            return "unknown FFmpeg error";
        }
        int n = 0;
        while (n < buf.length && buf[n] != 0) {
            n++;
        }
        return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static String path(String url) {
        try {
            String p = new URI(url.trim()).getRawPath();
            return p == null || p.isEmpty() ? "/" : p;
        } catch (URISyntaxException e) {
            return CameraInputNode.redact(url);
        }
    }
}
