package io.skilldesigner.engine.source;

/** Makes the source for a spec. The engine's one place that knows which class reads which kind of input. */
public final class SourceFactory {
    public FrameSource create(SourceSpec spec, SourceStateListener listener) {
        return switch (spec.kind()) {
            case FILE -> new VideoFileSource(spec, listener);
            case RTSP -> new RtspSource(spec, listener);
            case WEBCAM -> new WebcamSource(spec, listener);
        };
    }
}
