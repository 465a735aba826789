package io.skilldesigner.engine.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.source.SourceSpec;

/** The {@code run} options about the source and the workspace, read from the command line. */
final class SourceOptions {
    private SourceOptions() {
    }

    /**
     * Every {@code --source} in the order given (several run the skill on each, sharing its models), with
     * {@code ?transport=udp} honoured, {@code --rtsp-transport tcp|udp} applied to the rtsp:// ones and
     * {@code --give-up-after SECONDS} to all; empty when none is given (the skill's own).
     */
    static List<SourceSpec> sources(Args args) throws UsageException {
        String transport = args.option("rtsp-transport");
        String giveUp = args.option("give-up-after");
        List<String> given = args.options("source");
        if (given.isEmpty()) {
            if (transport != null || giveUp != null) {
                throw new UsageException("--rtsp-transport and --give-up-after need --source");
            }
            return List.of();
        }
        Duration giveUpAfter = giveUp == null ? null : Duration.ofSeconds(args.positiveInt("give-up-after"));
        List<SourceSpec> specs = new ArrayList<>();
        for (int i = 0; i < given.size(); i++) {
            try {
                SourceSpec spec = SourceSpec.parse(given.get(i));
                if (transport != null && spec.kind() == SourceSpec.Kind.RTSP) {
                    spec = spec.withTransport(transport);
                }
                if (giveUpAfter != null) {
                    spec = spec.withReconnect(spec.reconnect().withGiveUpAfter(giveUpAfter));
                }
                specs.add(spec);
            } catch (IllegalArgumentException e) {
                // By position, not text: a camera URL may carry a password.
                throw new UsageException("--source" + (given.size() > 1 ? " #" + (i + 1) : "") + ": "
                        + e.getMessage());
            }
        }
        if (transport != null && specs.stream().noneMatch(s -> s.kind() == SourceSpec.Kind.RTSP)) {
            throw new UsageException("--rtsp-transport applies to rtsp:// sources only");
        }
        return List.copyOf(specs);
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
