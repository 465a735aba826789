package io.skilldesigner.engine.source;

import org.bytedeco.javacv.FFmpegFrameGrabber;

/** An RTSP camera: TCP by default (UDP on request), FFmpeg socket timeout, a stall watchdog, reconnects. */
public final class RtspSource extends StreamSource {
    private final SourceSpec spec;

    public RtspSource(SourceSpec spec, SourceStateListener listener) {
        super(spec, spec.location(), g -> configure(g, spec), listener);
        this.spec = spec;
    }

    @Override
    protected SourceProblem checkBeforeConnecting() {
        return SourceProblem.checkRtspUrl(spec.location());
    }

    static void configure(FFmpegFrameGrabber g, SourceSpec spec) {
        g.setFormat("rtsp");
        g.setOption("rtsp_transport", spec.rtspTransport());
        // FFmpeg's rtsp "timeout" (µs) bounds socket I/O: a silent camera makes open/read fail instead of hanging,
        // and a grabber thread abandoned by the watchdog ends within this time. (JavaCV's setTimeout is unused.)
        g.setOption("timeout", Long.toString(spec.readTimeout().toNanos() / 1000));
        // Low latency: don't buffer frames we would drop anyway.
        g.setOption("fflags", "nobuffer");
        g.setOption("max_delay", "500000");
        // Probe half a second of stream instead of FFmpeg's 5 s default: reopening after a loss is that much faster.
        g.setOption("analyzeduration", "500000");
    }
}
