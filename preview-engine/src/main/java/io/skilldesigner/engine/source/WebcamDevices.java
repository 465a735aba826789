package io.skilldesigner.engine.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lists local cameras for the source picker. On Linux: the {@code /dev/video*} capture nodes with their names
 * from sysfs. Other systems: empty (FFmpeg lists dshow/avfoundation devices only in its log, so the user types
 * the name there).
 */
public final class WebcamDevices {
    private static final Pattern VIDEO_NODE = Pattern.compile("video(\\d+)");

    private final Path devDir;
    private final Path sysDir;

    public WebcamDevices() {
        this(Path.of("/dev"), Path.of("/sys/class/video4linux"));
    }

    /** For tests: other folders in place of /dev and sysfs. */
    public WebcamDevices(Path devDir, Path sysDir) {
        this.devDir = devDir;
        this.sysDir = sysDir;
    }

    public List<WebcamDevice> list() throws IOException {
        if (WebcamSource.OsFamily.current() != WebcamSource.OsFamily.LINUX || !Files.isDirectory(devDir)) {
            return List.of();
        }
        List<WebcamDevice> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(devDir)) {
            for (Path p : files.sorted(Comparator.comparingInt(WebcamDevices::index)).toList()) {
                Matcher m = VIDEO_NODE.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.add(new WebcamDevice(m.group(1), name(p.getFileName().toString())));
                }
            }
        }
        return out;
    }

    private String name(String node) throws IOException {
        Path nameFile = sysDir.resolve(node).resolve("name");
        if (Files.isReadable(nameFile)) {
            return Files.readString(nameFile, StandardCharsets.UTF_8).trim() + " (/dev/" + node + ")";
        }
        return "/dev/" + node;
    }

    private static int index(Path p) {
        Matcher m = VIDEO_NODE.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
