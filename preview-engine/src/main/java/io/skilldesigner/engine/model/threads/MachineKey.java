package io.skilldesigner.engine.model.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a tuning is valid for: the model's content (SHA-256), the CPU model and the number of cores this JVM may
 * use. A different model file, machine or core limit (e.g. a container's CPU quota) measures again.
 */
public record MachineKey(String cpu, int cores) {
    public static MachineKey current() {
        return new MachineKey(cpuName(), Runtime.getRuntime().availableProcessors());
    }

    /** The cache key of a model on this machine. */
    public String forModel(String sha256) {
        return sha256 + "|" + cpu + "|" + cores;
    }

    /** "model name" from /proc/cpuinfo on Linux; elsewhere the architecture and the OS name. */
    private static String cpuName() {
        Path info = Path.of("/proc/cpuinfo");
        if (Files.isReadable(info)) {
            try {
                List<String> lines = Files.readAllLines(info);
                for (String l : lines) {
                    if (l.startsWith("model name") && l.indexOf(':') > 0) {
                        return l.substring(l.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException e) {
                // Not fatal: the architecture still separates most machines; a shared key only re-measures less.
                System.getLogger(MachineKey.class.getName()).log(System.Logger.Level.DEBUG,
                        "cannot read /proc/cpuinfo: " + e.getMessage());
            }
        }
        return System.getProperty("os.arch") + " " + System.getProperty("os.name");
    }
}
