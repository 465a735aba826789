package io.skilldesigner.engine.source;

import org.bytedeco.javacv.FFmpegFrameGrabber;

/** An RTSP camera: TCP by default (UDP on request), open/read timeouts as FFmpeg options, reconnects. */
public final class RtspSource extends StreamSource {
    public RtspSource(SourceSpec spec, SourceStateListener listener) {
        super(spec, spec.location(), g -> configure(g, spec), listener);
    }

    static void configure(FFmpegFrameGrabber g, SourceSpec spec) {
        g.setFormat("rtsp");
        g.setOption("rtsp_transport", spec.rtspTransport());
        // FFmpeg's rtsp "timeout" (µs) bounds socket I/O, so a dead camera makes read() fail instead of hanging.
        g.setOption("timeout", Long.toString(spec.readTimeout().toNanos() / 1000));
        // JavaCV's own timeout (ms) interrupts a blocking open/read through FFmpeg's interrupt callback.
        g.setTimeout((int) Math.max(spec.openTimeout().toMillis(), spec.readTimeout().toMillis()));
        // Low latency: don't buffer frames we would drop anyway.
        g.setOption("fflags", "nobuffer");
        g.setOption("max_delay", "500000");
    }
}
