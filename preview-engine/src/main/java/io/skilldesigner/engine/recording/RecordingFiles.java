package io.skilldesigner.engine.recording;

import java.nio.file.Path;

/**
 * The files of one recording, side by side: {@code NAME.mkv} (the source frames, lossless), {@code
 * NAME.insights.jsonl} (the insights seen while recording, one line per frame), {@code NAME.manifest.json} and,
 * once made, {@code NAME.golden.jsonl} (the expected insights of a replay).
 */
public record RecordingFiles(Path video, Path insights, Path manifest, Path golden) {
    public static final String VIDEO_EXTENSION = ".mkv";
    public static final String MANIFEST_SUFFIX = ".manifest.json";

    /** From the video, the manifest or any other file of the recording, or its base path without extension. */
    public static RecordingFiles of(Path anyFile) {
        String name = anyFile.getFileName().toString();
        String base = name;
        for (String suffix : new String[] {MANIFEST_SUFFIX, ".insights.jsonl", ".golden.jsonl"}) {
            if (name.endsWith(suffix)) {
                base = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        if (base.equals(name) && name.lastIndexOf('.') > 0) {
            base = name.substring(0, name.lastIndexOf('.'));
        }
        return new RecordingFiles(anyFile.resolveSibling(base + VIDEO_EXTENSION),
                anyFile.resolveSibling(base + ".insights.jsonl"), anyFile.resolveSibling(base + MANIFEST_SUFFIX),
                anyFile.resolveSibling(base + ".golden.jsonl"));
    }
}
