package io.skilldesigner.packaging;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.skilldesigner.core.skill.Acceleration;

/**
 * The engine's runtime (jars and per-architecture natives) that an export copies into the package, so the runtime
 * images build from the package alone: {@code runtime/lib/common/} (the engine and its Java dependencies, for
 * every architecture) and {@code runtime/lib/<arch>/} (that architecture's native jars). The Dockerfiles copy
 * both into {@code /opt/skill-designer/lib/}.
 *
 * <p>Built by packaging's Maven build in {@code target/runtime-dist}: {@code common.classpath} (the engine's
 * runtime classpath; a reactor module may be a classes folder, packed as a jar here) and one folder of JavaCPP
 * native jars per platform ({@code linux-x86_64/}, {@code linux-arm64/}). On the classpath, a jar whose
 * classifier names a platform (Netty's {@code -linux-x86_64}) goes to that architecture, macOS and Windows ones
 * are left out, and a jar holding natives of several platforms (ONNX Runtime, gRPC's shaded Netty) is copied per
 * architecture with only that one's natives; {@code common/} holds no native library.
 */
public final class RuntimeDistribution {
    /** System property naming the distribution folder ({@code bin/skill-designer} and the tests set it). */
    public static final String PROPERTY = "skilldesigner.runtime.dist";
    public static final String CLASSPATH_FILE = "common.classpath";
    public static final String COMMON = "common";
    static final String LIB = PackageLayout.RUNTIME + "/lib";
    /** JavaCPP natives every architecture's runtime needs (decoding, image ops, BLAS, the loader). */
    private static final List<String> REQUIRED_NATIVES = List.of("javacpp", "ffmpeg", "opencv", "openblas");
    private static final Pattern PLATFORM_CLASSIFIER = Pattern.compile(
            "-(linux-x86_64|linux-aarch_64|linux-aarch64|linux-arm64|(?:osx|macosx|windows)-[A-Za-z0-9_]+)\\.jar$");

    private final Path folder;
    private final List<Path> classpath;
    private final Map<Architecture, List<Path>> natives;

    private RuntimeDistribution(Path folder, List<Path> classpath, Map<Architecture, List<Path>> natives) {
        this.folder = folder;
        this.classpath = classpath;
        this.natives = natives;
    }

    /** Folder name of the distribution beside the packaging jar (installed app) or classes (checkout build). */
    public static final String FOLDER = "runtime-dist";

    /** The distribution the system property names, if it is set. */
    public static Optional<RuntimeDistribution> fromSystemProperty() throws PackageException {
        String dir = System.getProperty(PROPERTY);
        return dir == null || dir.isBlank() ? Optional.empty() : Optional.of(at(Path.of(dir)));
    }

    /**
     * The distribution this program carries: the system property's folder when set, else {@value #FOLDER} beside
     * the packaging jar ({@code lib/app/runtime-dist} in the installed app, which the installer build fills) or
     * beside {@code target/classes} (a checkout's packaging build makes {@code target/runtime-dist}); empty when
     * there is none.
     */
    public static Optional<RuntimeDistribution> find() throws PackageException {
        Optional<RuntimeDistribution> named = fromSystemProperty();
        if (named.isPresent()) {
            return named;
        }
        java.security.CodeSource source = RuntimeDistribution.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        Path beside;
        try {
            beside = Path.of(source.getLocation().toURI()).toAbsolutePath().getParent().resolve(FOLDER);
        } catch (java.net.URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();  // not a file: location (a custom class loader): no distribution beside it
        }
        return Files.isRegularFile(beside.resolve(CLASSPATH_FILE)) ? Optional.of(at(beside)) : Optional.empty();
    }

    /** Reads a distribution folder; every file it names must exist. */
    public static RuntimeDistribution at(Path folder) throws PackageException {
        Path cpFile = folder.resolve(CLASSPATH_FILE);
        try {
            if (!Files.isRegularFile(cpFile)) {
                throw new PackageException("runtime distribution " + folder + ": " + CLASSPATH_FILE + " not found"
                        + " (build it with `mvn -pl packaging -am package -DskipTests`, or export without the runtime)");
            }
            List<Path> cp = new ArrayList<>();
            for (String entry : Files.readString(cpFile).trim().split(java.io.File.pathSeparator)) {
                // relative entries (the installed app's: ../<jar>) are relative to the distribution folder
                Path p = folder.resolve(entry).normalize();
                if (!Files.exists(p)) {
                    throw new PackageException("runtime distribution " + folder + ": " + CLASSPATH_FILE
                            + " names " + p + ", which does not exist (rebuild packaging)");
                }
                cp.add(p);
            }
            Map<Architecture, List<Path>> nat = new EnumMap<>(Architecture.class);
            for (Architecture a : Architecture.values()) {
                Path dir = folder.resolve(a.javacppPlatform());
                if (!Files.isDirectory(dir)) {
                    // The installed app on that platform has them on its class path already (checked in plan).
                    nat.put(a, List.of());
                    continue;
                }
                try (Stream<Path> s = Files.list(dir)) {
                    nat.put(a, s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList());
                }
            }
            return new RuntimeDistribution(folder, List.copyOf(cp), nat);
        } catch (IOException e) {
            throw new PackageException("runtime distribution " + folder + " cannot be read: " + e.getMessage(), e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** The jars a package for these architectures carries, by path under {@code runtime/lib/}. */
    List<RuntimeJar> plan(Set<Architecture> architectures) throws IOException {
        Map<String, RuntimeJar> out = new LinkedHashMap<>();
        for (Path p : classpath) {
            String name = p.getFileName().toString();
            if (Files.isDirectory(p)) {
                // a reactor module's target/classes: named after the module folder
                String module = p.toAbsolutePath().getParent().getParent().getFileName().toString();
                out.putIfAbsent(COMMON + "/" + module + ".jar", RuntimeJar.copy(p, COMMON + "/" + module + ".jar"));
                continue;
            }
            Matcher m = PLATFORM_CLASSIFIER.matcher(name);
            if (m.find()) {
                Optional<Architecture> arch = architectureOf(m.group(1));
                if (arch.isPresent() && architectures.contains(arch.get())) {
                    String target = arch.get().id() + "/" + name;
                    out.putIfAbsent(target, RuntimeJar.copy(p, target));
                }
                continue;
            }
            java.util.Set<Integer> machines = RuntimeJar.nativeMachines(p);
            if (machines.isEmpty()) {
                out.putIfAbsent(COMMON + "/" + name, RuntimeJar.copy(p, COMMON + "/" + name));
                continue;
            }
            for (Architecture a : architectures) {
                if (!machines.contains(a.elfMachine())) {
                    throw new PackageException("runtime distribution: " + name + " holds native libraries but none"
                            + " for " + a.id() + " (a -Pgpu build's ONNX Runtime has x64 only)");
                }
                String target = a.id() + "/" + name;
                out.putIfAbsent(target, RuntimeJar.keepingNativesOf(p, target, a));
            }
        }
        for (Architecture a : architectures) {
            for (Path jar : natives.get(a)) {
                String target = a.id() + "/" + jar.getFileName();
                out.putIfAbsent(target, RuntimeJar.copy(jar, target));
            }
            for (String lib : REQUIRED_NATIVES) {
                String prefix = a.id() + "/" + lib + "-";
                String suffix = "-" + a.javacppPlatform() + ".jar";
                if (out.keySet().stream().noneMatch(t -> t.startsWith(prefix) && t.endsWith(suffix))) {
                    throw new PackageException("runtime distribution " + folder + ": no " + lib + " natives for "
                            + a.id() + " (" + lib + "-<version>" + suffix + " neither on " + CLASSPATH_FILE
                            + " nor in " + a.javacppPlatform() + "/)");
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** Bytes the runtime adds to a package for these architectures (before export, to show the user). */
    public long estimatedBytes(Set<Architecture> architectures) throws IOException {
        long total = 0;
        for (RuntimeJar j : plan(architectures)) {
            total += j.estimatedBytes();
        }
        return total;
    }

    /** Writes {@code runtime/lib/...} under the package root; returns the package paths written. */
    List<String> writeInto(Path packageRoot, Set<Architecture> architectures) throws IOException {
        Path lib = packageRoot.resolve(LIB);
        List<String> written = new ArrayList<>();
        for (RuntimeJar j : plan(architectures)) {
            j.writeUnder(lib);
            written.add(LIB + "/" + j.target());
        }
        return written;
    }

    /** The Dockerfiles a package with the runtime for these architectures carries (each builds from it). */
    static Set<String> dockerfiles(Set<Architecture> architectures) {
        Set<String> out = new LinkedHashSet<>();
        for (Architecture a : architectures) {
            for (Acceleration acc : Acceleration.values()) {
                out.add(RuntimeImage.of(acc, a, "").dockerfile());
            }
        }
        return out;
    }

    private static Optional<Architecture> architectureOf(String classifier) {
        return switch (classifier) {
            case "linux-x86_64" -> Optional.of(Architecture.AMD64);
            case "linux-aarch_64", "linux-aarch64", "linux-arm64" -> Optional.of(Architecture.ARM64V8);
            default -> Optional.empty(); // macOS, Windows: never on a device
        };
    }
}
