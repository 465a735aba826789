package io.skilldesigner.engine.source;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;

/**
 * Where frames come from and how to read them.
 *
 * @param location     file path, RTSP URL, or webcam device (index or name)
 * @param loop         files only: start again at the end
 * @param rtspTransport {@code tcp} or {@code udp}
 * @param openTimeout  streams: how long connecting may take
 * @param readTimeout  streams: how long a read may stall before the stream counts as lost
 */
public record SourceSpec(Kind kind, String location, boolean loop, String rtspTransport, Duration openTimeout,
                         Duration readTimeout, ReconnectPolicy reconnect, FrameRotation turn) {
    public enum Kind { FILE, RTSP, WEBCAM }

    /**
     * @param turn quarter turns clockwise after the input's own display matrix; null = not said (a run's own source
     *             in a camera input's place takes the camera's turn)
     */
    public SourceSpec {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
        rtspTransport = rtspTransport == null || rtspTransport.isBlank() ? "tcp" : rtspTransport.trim().toLowerCase();
        if (!rtspTransport.equals("tcp") && !rtspTransport.equals("udp")) {
            throw new IllegalArgumentException("RTSP transport must be tcp or udp, got '" + rtspTransport + "'");
        }
        openTimeout = openTimeout == null ? Duration.ofSeconds(10) : openTimeout;
        readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
        reconnect = reconnect == null ? ReconnectPolicy.defaults() : reconnect;
    }

    public static SourceSpec file(String path, boolean loop) {
        return new SourceSpec(Kind.FILE, path, loop, null, null, null, null, null);
    }

    public static SourceSpec rtsp(String url, String transport) {
        return new SourceSpec(Kind.RTSP, url, false, transport, null, null, null, null);
    }

    public static SourceSpec webcam(String device) {
        return new SourceSpec(Kind.WEBCAM, device, false, null, null, null, null, null);
    }

    /**
     * Parses a command-line source: {@code webcam:N} (or {@code webcam:NAME}), {@code rtsp://...} /
     * {@code rtsps://...}, otherwise a file path. Files given this way do not loop.
     */
    public static SourceSpec parse(String text) {
        String t = Objects.requireNonNull(text, "source").trim();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("source is empty");
        }
        if (t.regionMatches(true, 0, "webcam:", 0, 7)) {
            String device = t.substring(7).trim();
            if (device.isEmpty()) {
                throw new IllegalArgumentException("webcam source needs a device: webcam:0");
            }
            return webcam(device);
        }
        if (t.regionMatches(true, 0, "rtsp://", 0, 7) || t.regionMatches(true, 0, "rtsps://", 0, 8)) {
            return rtspWithTransportParameter(t);
        }
        return file(t, false);
    }

    /**
     * An RTSP URL that may say {@code ?transport=udp} (or {@code tcp}): the parameter picks the transport and is
     * removed, since it is ours and not the camera's. Without it: TCP.
     */
    static SourceSpec rtspWithTransportParameter(String url) {
        int q = url.indexOf('?');
        if (q < 0) {
            return rtsp(url, "tcp");
        }
        String transport = "tcp";
        java.util.List<String> kept = new java.util.ArrayList<>();
        for (String param : url.substring(q + 1).split("&")) {
            if (param.regionMatches(true, 0, "transport=", 0, 10)) {
                transport = param.substring(10);
            } else if (!param.isEmpty()) {
                kept.add(param);
            }
        }
        return rtsp(url.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), transport);
    }

    /** From a camera input node's effective settings; {@code resolve} turns a relative file path into a path. */
    public static SourceSpec fromSettings(EffectiveSettings settings, Function<String, String> resolve) {
        // raw reads (get, not text): a location left to the deployment stays visible as its $param for the caller
        String kind = String.valueOf(settings.get(CameraInputNode.SOURCE_KIND));
        return bare(settings, resolve, kind).withTurn(turnOf(settings));
    }

    /**
     * The camera input's turn setting ({@code "0"}, {@code "90"}, {@code "180"}, {@code "270"} degrees clockwise;
     * missing = none).
     */
    public static FrameRotation turnOf(EffectiveSettings settings) {
        Object v = settings.get(CameraInputNode.TURN);
        if (v == null) {
            return FrameRotation.NONE;
        }
        try {
            return FrameRotation.clockwise(Integer.parseInt(String.valueOf(v).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Turn frames must be 0, 90, 180 or 270 (degrees clockwise), not '" + v
                    + "'", e);
        }
    }

    private static SourceSpec bare(EffectiveSettings settings, Function<String, String> resolve, String kind) {
        return switch (kind) {
            case CameraInputNode.FILE -> file(resolve.apply(String.valueOf(settings.get(CameraInputNode.FILE_PATH_KEY))),
                    Boolean.TRUE.equals(settings.get(CameraInputNode.LOOP)));
            case CameraInputNode.WEBCAM -> webcam(String.valueOf(settings.get(CameraInputNode.WEBCAM_DEVICE)));
            case CameraInputNode.RTSP -> rtsp(String.valueOf(settings.get(CameraInputNode.RTSP_URL)),
                    String.valueOf(settings.get(CameraInputNode.RTSP_TRANSPORT)));
            default -> throw new IllegalArgumentException("unknown source kind '" + kind + "'");
        };
    }

    public SourceSpec withLoop(boolean l) {
        return new SourceSpec(kind, location, l, rtspTransport, openTimeout, readTimeout, reconnect, turn);
    }

    public SourceSpec withTimeouts(Duration open, Duration read) {
        return new SourceSpec(kind, location, loop, rtspTransport, open, read, reconnect, turn);
    }

    public SourceSpec withReconnect(ReconnectPolicy r) {
        return new SourceSpec(kind, location, loop, rtspTransport, openTimeout, readTimeout, r, turn);
    }

    public SourceSpec withTransport(String t) {
        return new SourceSpec(kind, location, loop, t, openTimeout, readTimeout, reconnect, turn);
    }

    /**
     * The spec with frames turned by {@code t} (quarter turns clockwise, after the input's own display matrix);
     * {@link FrameRotation#NONE} says "as they come", even in a camera input's place.
     */
    public SourceSpec withTurn(FrameRotation t) {
        return new SourceSpec(kind, location, loop, rtspTransport, openTimeout, readTimeout, reconnect, t);
    }

    /** The turn to apply: the spec's own, else none. */
    public FrameRotation turnOrNone() {
        return turn == null ? FrameRotation.NONE : turn;
    }

    /** True for cameras and streams: they produce frames in real time whether or not we read them. */
    public boolean isLive() {
        return kind != Kind.FILE;
    }

    /** For messages and logs: credentials removed. */
    public String describe() {
        return switch (kind) {
            case FILE -> "video file " + location;
            case RTSP -> "RTSP stream " + CameraInputNode.redact(location);
            case WEBCAM -> "webcam " + location;
        };
    }

    @Override
    public String toString() {
        return describe();
    }
}
