package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runtime distribution is sorted into a package, on a small distribution made here (the real one is
 * exercised end to end by PackagedRuntimeTest): plain jars to common/, platform-classified jars to their
 * architecture or out, multi-platform jars per architecture with only that machine's libraries, a build's
 * classes folder packed as a jar; and the errors that say what is wrong and where.
 */
class RuntimeDistributionTest {
    @TempDir
    Path tmp;

    /** A shared library stand-in: an ELF header for the machine (or a Mach-O magic for -1). */
    private static byte[] library(int machine) {
        byte[] b = new byte[64];
        if (machine < 0) {
            b[0] = (byte) 0xCF; b[1] = (byte) 0xFA; b[2] = (byte) 0xED; b[3] = (byte) 0xFE;
            return b;
        }
        b[0] = 0x7F; b[1] = 'E'; b[2] = 'L'; b[3] = 'F';
        b[18] = (byte) machine;
        b[19] = (byte) (machine >> 8);
        return b;
    }

    private static Path jar(Path file, Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream z = new ZipOutputStream(os)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return file;
    }

    private Path distribution(Path multiPlatformJar) throws IOException {
        Path m2 = tmp.resolve("m2");
        Path classes = tmp.resolve("engine-module/target/classes");
        Files.createDirectories(classes.resolve("io/x"));
        Files.writeString(classes.resolve("io/x/Main.class"), "classes");
        List<Path> cp = List.of(
                jar(m2.resolve("gson-2.jar"), Map.of("com/google/Gson.class", new byte[] {1})),
                jar(m2.resolve("tcnative-2-linux-x86_64.jar"), Map.of("META-INF/native/libtc_x86_64.so", library(0x3E))),
                jar(m2.resolve("tcnative-2-linux-aarch_64.jar"), Map.of("META-INF/native/libtc_aarch_64.so",
                        library(0xB7))),
                jar(m2.resolve("tcnative-2-osx-x86_64.jar"), Map.of("META-INF/native/libtc.jnilib", library(-1))),
                multiPlatformJar, classes);
        Path dist = tmp.resolve("dist");
        Files.createDirectories(dist);
        Files.writeString(dist.resolve(RuntimeDistribution.CLASSPATH_FILE), String.join(java.io.File.pathSeparator,
                cp.stream().map(Path::toString).toList()) + "\n");
        for (String lib : NATIVES) {
            nativeJar(dist.resolve("linux-x86_64"), lib, "linux-x86_64", 0x3E);
            nativeJar(dist.resolve("linux-arm64"), lib, "linux-arm64", 0xB7);
        }
        return dist;
    }

    /** The JavaCPP natives every architecture needs. */
    static final List<String> NATIVES = List.of("javacpp", "ffmpeg", "opencv", "openblas");

    private static Path nativeJar(Path dir, String lib, String platform, int machine) throws IOException {
        return jar(dir.resolve(lib + "-1-" + platform + ".jar"), Map.of("org/bytedeco/" + lib + "/" + platform
                + "/lib" + lib + ".so", library(machine)));
    }

    private static List<String> withNatives(String... others) {
        List<String> out = new java.util.ArrayList<>(List.of(others));
        for (String lib : NATIVES) {
            out.add("amd64/" + lib + "-1-linux-x86_64.jar");
            out.add("arm64v8/" + lib + "-1-linux-arm64.jar");
        }
        return out.stream().sorted().toList();
    }

    private static List<String> listing(Path jar) throws IOException {
        try (ZipFile z = new ZipFile(jar.toFile())) {
            return z.stream().map(ZipEntry::getName).sorted().toList();
        }
    }

    private static List<String> files(Path dir) throws IOException {
        try (var s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void sortsEachJarIntoCommonOrItsArchitecture() throws IOException {
        Path ort = jar(tmp.resolve("m2/onnxruntime-1.jar"), Map.of(
                "ai/onnxruntime/OrtSession.class", new byte[] {2},
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", library(0x3E),
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so", library(0xB7),
                "ai/onnxruntime/native/osx-aarch64/libonnxruntime.dylib", library(-1)));
        RuntimeDistribution d = RuntimeDistribution.at(distribution(ort));
        Path pkg = tmp.resolve("pkg");
        List<String> written = d.writeInto(pkg, EnumSet.allOf(Architecture.class));
        Path lib = pkg.resolve("runtime/lib");
        assertEquals(withNatives("amd64/onnxruntime-1.jar", "amd64/tcnative-2-linux-x86_64.jar",
                "arm64v8/onnxruntime-1.jar", "arm64v8/tcnative-2-linux-aarch_64.jar", "common/engine-module.jar",
                "common/gson-2.jar"), files(lib));
        assertEquals(new TreeSet<>(written), new TreeSet<>(files(lib).stream().map(f -> "runtime/lib/" + f).toList()));
        assertEquals(List.of("ai/onnxruntime/OrtSession.class", "ai/onnxruntime/native/linux-x64/libonnxruntime.so"),
                listing(lib.resolve("amd64/onnxruntime-1.jar")));
        assertEquals(List.of("ai/onnxruntime/OrtSession.class",
                "ai/onnxruntime/native/linux-aarch64/libonnxruntime.so"), listing(lib.resolve("arm64v8/onnxruntime-1.jar")));
        assertEquals(List.of("io/x/Main.class"), listing(lib.resolve("common/engine-module.jar")));

        Path amd64Only = tmp.resolve("pkg-amd64");
        d.writeInto(amd64Only, EnumSet.of(Architecture.AMD64));
        assertTrue(files(amd64Only.resolve("runtime/lib")).stream().noneMatch(f -> f.startsWith("arm64v8/")));
        long estimate = d.estimatedBytes(EnumSet.allOf(Architecture.class));
        long actual = 0;
        for (String f : files(lib)) {
            actual += Files.size(lib.resolve(f));
        }
        assertTrue(estimate > 0 && Math.abs(estimate - actual) < actual, estimate + " vs " + actual);
    }

    @Test
    void aMultiPlatformJarWithoutTheTargetsNativesIsRefusedByName() throws IOException {
        Path gpu = jar(tmp.resolve("m2/onnxruntime_gpu-1.jar"), Map.of(
                "ai/onnxruntime/native/linux-x64/libonnxruntime.so", library(0x3E)));
        RuntimeDistribution d = RuntimeDistribution.at(distribution(gpu));
        PackageException e = assertThrows(PackageException.class,
                () -> d.writeInto(tmp.resolve("pkg"), EnumSet.allOf(Architecture.class)));
        assertTrue(e.getMessage().contains("onnxruntime_gpu-1.jar holds native libraries but none for arm64v8"),
                e.getMessage());
        d.writeInto(tmp.resolve("pkg-amd64"), EnumSet.of(Architecture.AMD64)); // fine where it has them
    }

    @Test
    void aDistributionThatIsNotBuiltOrIsStaleSaysSoAndHowToFixIt() throws IOException {
        PackageException none = assertThrows(PackageException.class, () -> RuntimeDistribution.at(tmp.resolve("x")));
        assertTrue(none.getMessage().contains("common.classpath not found")
                && none.getMessage().contains("or export without the runtime"), none.getMessage());
        Path dist = distribution(jar(tmp.resolve("m2/plain.jar"), Map.of("a.class", new byte[] {1})));
        Files.delete(tmp.resolve("m2/gson-2.jar"));
        PackageException stale = assertThrows(PackageException.class, () -> RuntimeDistribution.at(dist));
        assertTrue(stale.getMessage().contains("gson-2.jar, which does not exist (rebuild packaging)"),
                stale.getMessage());
    }

    /**
     * The installed app's layout (lib/app/runtime-dist): class path entries relative to the folder (../x.jar),
     * and no linux-x86_64/ on an x86-64 Linux build because the app's own class path has those natives.
     */
    @Test
    void anInstalledDistributionUsesTheAppsJarsAndOnlyAddsTheOtherArchitecture() throws IOException {
        Path app = tmp.resolve("image/lib/app");
        jar(app.resolve("gson-2.jar"), Map.of("com/google/Gson.class", new byte[] {1}));
        List<String> cp = new java.util.ArrayList<>(List.of("../gson-2.jar"));
        for (String lib : NATIVES) {
            nativeJar(app, lib, "linux-x86_64", 0x3E);
            cp.add("../" + lib + "-1-linux-x86_64.jar");
        }
        Path dist = app.resolve(RuntimeDistribution.FOLDER);
        Files.createDirectories(dist);
        Files.writeString(dist.resolve(RuntimeDistribution.CLASSPATH_FILE), String.join(java.io.File.pathSeparator,
                cp) + "\n");
        for (String lib : NATIVES) {
            nativeJar(dist.resolve("linux-arm64"), lib, "linux-arm64", 0xB7);
        }
        Path pkg = tmp.resolve("pkg");
        RuntimeDistribution.at(dist).writeInto(pkg, EnumSet.allOf(Architecture.class));
        assertEquals(withNatives("common/gson-2.jar"), files(pkg.resolve("runtime/lib")));

        Files.delete(dist.resolve("linux-arm64/ffmpeg-1-linux-arm64.jar"));
        PackageException e = assertThrows(PackageException.class, () -> RuntimeDistribution.at(dist)
                .writeInto(tmp.resolve("pkg2"), EnumSet.allOf(Architecture.class)));
        assertTrue(e.getMessage().contains("no ffmpeg natives for arm64v8"), e.getMessage());
    }
}
