package io.skilldesigner.engine.cli;

/** Exit codes scripts can rely on. */
public enum ExitCode {
    OK(0),
    /** Anything else that went wrong (a non-model node failed to start, output not writable). */
    OTHER(1),
    /** Bad command line. */
    USAGE(2),
    /** The skill file cannot be read or the skill is not valid (problems listed on stderr). */
    BAD_SKILL(3),
    /** The source could not be opened or failed for good. */
    SOURCE_FAILURE(4),
    /** A model could not be loaded or failed while running. */
    MODEL_FAILURE(5),
    /** {@code diff}: the two skills differ (as diff(1); shares the code of {@link #OTHER}). */
    DIFFERENT(1),
    /** {@code test}: the replayed insights differ from the golden file (the differences are listed). */
    TESTS_FAILED(6),
    /** Stopped by Ctrl-C (SIGINT): the files are complete and the summary written (128 + SIGINT). */
    INTERRUPTED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
