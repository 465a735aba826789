package io.skilldesigner.engine.source;

/**
 * Makes the source for a spec. {@link #standard()} is the one place that knows which class reads which kind of
 * input; benchmarks and tools may supply their own (e.g. {@link FrameListSource} for frames already in memory).
 */
@FunctionalInterface
public interface SourceFactory {
    FrameSource create(SourceSpec spec, SourceStateListener listener);

    static SourceFactory standard() {
        return (spec, listener) -> switch (spec.kind()) {
            case FILE -> StillImageSource.isStillImage(spec.location()) ? new StillImageSource(spec, listener)
                    : new VideoFileSource(spec, listener);
            case RTSP -> new RtspSource(spec, listener);
            case WEBCAM -> new WebcamSource(spec, listener);
        };
    }
}
