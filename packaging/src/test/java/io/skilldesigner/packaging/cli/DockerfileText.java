package io.skilldesigner.packaging.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.gson.JsonParser;

/** The instructions of a Dockerfile that matter to what the image runs: COPY/ADD, ENTRYPOINT, CMD. */
record DockerfileText(List<String[]> copies, List<String> adds, List<String> entrypoint, List<String> cmd) {
    /** @return copies as {sources..., destination}, flags such as --chown dropped */
    static DockerfileText read(Path file) throws IOException {
        List<String> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            if (line.endsWith("\\")) {
                current.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            instructions.add(current.append(line).toString().strip());
            current.setLength(0);
        }
        List<String[]> copies = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        List<String> entrypoint = List.of();
        List<String> cmd = List.of();
        for (String i : instructions) {
            String[] words = i.split("\\s+");
            String args = i.substring(words[0].length()).strip();
            switch (words[0]) {
                case "COPY" -> copies.add(Arrays.stream(words).skip(1).filter(w -> !w.startsWith("--"))
                        .toArray(String[]::new));
                case "ADD" -> adds.add(args);
                case "ENTRYPOINT" -> entrypoint = jsonArray(args);
                case "CMD" -> cmd = jsonArray(args);
                default -> { }
            }
        }
        return new DockerfileText(copies, adds, entrypoint, cmd);
    }

    private static List<String> jsonArray(String json) {
        List<String> out = new ArrayList<>();
        JsonParser.parseString(json).getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        return out;
    }
}
