package io.skilldesigner.engine.cli;

import java.nio.file.Path;
import java.time.Duration;

import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.source.SourceSpec;

/** The {@code run} options about the source and the workspace, read from the command line. */
final class SourceOptions {
    private SourceOptions() {
    }

    /**
     * {@code --source} (with {@code ?transport=udp} honoured), {@code --rtsp-transport tcp|udp} and
     * {@code --give-up-after SECONDS}; null when no source is given (the skill's own).
     */
    static SourceSpec source(Args args) throws UsageException {
        String transport = args.option("rtsp-transport");
        String giveUp = args.option("give-up-after");
        if (args.option("source") == null) {
            if (transport != null || giveUp != null) {
                throw new UsageException("--rtsp-transport and --give-up-after need --source");
            }
            return null;
        }
        try {
            SourceSpec spec = SourceSpec.parse(args.option("source"));
            if (transport != null) {
                if (spec.kind() != SourceSpec.Kind.RTSP) {
                    throw new UsageException("--rtsp-transport applies to rtsp:// sources only");
                }
                spec = spec.withTransport(transport);
            }
            if (giveUp != null) {
                spec = spec.withReconnect(spec.reconnect().withGiveUpAfter(Duration.ofSeconds(
                        args.positiveInt("give-up-after"))));
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new UsageException("--source: " + e.getMessage());
        }
    }

    /**
     * The workspace of a skill file when none is given: the folder above {@code skills/} for a skill stored in a
     * workspace ({@code ws/skills/x.skill.json}), else the skill file's own folder.
     */
    static Path workspaceOf(Path skillFile) {
        Path folder = skillFile.toAbsolutePath().normalize().getParent();
        if (folder != null && folder.getFileName() != null
                && folder.getFileName().toString().equals(Workspace.SKILLS_DIR) && folder.getParent() != null) {
            return folder.getParent();
        }
        return folder;
    }
}
