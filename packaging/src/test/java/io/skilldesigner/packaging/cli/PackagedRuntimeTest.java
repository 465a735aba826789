package io.skilldesigner.packaging.cli;

import static io.skilldesigner.packaging.cli.CliFixtures.cli;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;

import io.skilldesigner.engine.export.EdgeHubStandIn;
import io.skilldesigner.engine.export.WorkloadApiStandIn;
import io.skilldesigner.packaging.BuildInfo;
import io.skilldesigner.packaging.cli.CliFixtures.Result;

/**
 * The package alone is enough: one package with the runtime is exported (CLI, zip) and unzipped on the "device";
 * its runtime runs there with a plain {@code java} and nothing of this build, exactly as its Dockerfile's image
 * would (COPY sources placed where the Dockerfile puts them, ENTRYPOINT + CMD with the image's paths mapped onto
 * this machine), on and off IoT Edge. Exported once for the class: the runtime is ~250 MB of jars.
 */
class PackagedRuntimeTest {
    /** Libraries the upstream builds have on x86-64 only, and why the engine does not need them on arm64. */
    private static final Map<String, String> X86_ONLY = Map.of(
            "org/bytedeco/ffmpeg/{p}/libva.so.2", "VA-API (Intel GPU video decoding); JavaCPP's arm64 FFmpeg has none",
            "org/bytedeco/ffmpeg/{p}/libva-drm.so.2", "VA-API, as above",
            "org/bytedeco/ffmpeg/{p}/libdrm.so.2", "needed by VA-API only",
            "org/bytedeco/openblas/{p}/libquadmath.so.0", "GCC's libquadmath exists on x86 only",
            "org/bytedeco/opencv/{p}/python/cv2.cpython-314-{arch}-linux-gnu.so",
            "OpenCV's Python binding (never loaded by Java; the arm64 jar has none)");

    @TempDir
    static Path tmp;
    static Path pkg;
    static Result export;

    @BeforeAll
    static void exportWithTheRuntimeAndUnzip() throws Exception {
        CliFixtures.doorVideo(tmp);
        Path skill = CliFixtures.fileSourceSkill(tmp, "media/door.mp4", true);
        export = cli("export", skill.toString(), "--out", tmp.resolve("out/pkg").toString(), "--zip");
        assertEquals(0, export.code(), export.out() + export.err());
        pkg = tmp.resolve("device/package");
        CliFixtures.unzip(tmp.resolve("out/pkg.zip"), pkg);
        // nothing of the build or the workspace is left to lean on
        deleteRecursively(tmp.resolve("out"));
        deleteRecursively(tmp.resolve("ws"));
    }

    @Test
    void exportShowsTheRuntimeSizeAndCarriesEachArchitecture() throws IOException {
        assertTrue(export.err().matches("(?s).*runtime: \\d+\\.\\d MB for \\[amd64, arm64v8] \\(--no-runtime leaves it"
                + " out\\).*"), export.err());
        for (String dir : List.of("common", "amd64", "arm64v8")) {
            assertFalse(jars(pkg.resolve("runtime/lib/" + dir)).isEmpty(), "runtime/lib/" + dir);
        }
        assertTrue(Files.isRegularFile(pkg.resolve("runtime/lib/common/preview-engine.jar"))
                || jars(pkg.resolve("runtime/lib/common")).stream().anyMatch(j -> j.startsWith("preview-engine-")),
                "the engine itself: " + jars(pkg.resolve("runtime/lib/common")));
        String checksums = Files.readString(pkg.resolve("checksums.sha256"));
        assertTrue(checksums.contains("  runtime/lib/amd64/"), "runtime jars are checksummed");
    }

    @Test
    void amd64ImageEntrypointAndCmdRunThePackagedSkillWithPlainJava() throws Exception {
        Path insights = tmp.resolve("plain-insights.jsonl");
        Process p = imageCommand("Dockerfile.amd64", List.of("--frames", "5", "--no-pacing", "--out",
                insights.toString()), Map.of()).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(180, TimeUnit.SECONDS), log);
        assertEquals(0, p.exitValue(), log);
        List<String> lines = Files.readAllLines(insights);
        assertEquals(5, lines.size(), log);
        for (String line : lines) {
            assertTrue(JsonParser.parseString(line).getAsJsonObject().has("insights_meta"), line);
        }
        assertTrue(Files.readString(pkg.resolve("export-messages/hub.jsonl")).contains("insights_meta"),
                "off IoT Edge the IoT Hub export writes its file in the package folder: " + log);
    }

    /**
     * The operator's path end to end: the image's ENTRYPOINT + CMD from the unpacked package, in a fresh JVM with
     * the environment IoT Edge gives a module; the insights reach the edgeHub stand-in over MQTT/TLS with the
     * module's identity.
     */
    @Test
    void deviceModeRunOfThePackagedRuntimeDeliversInsightsToEdgeHub() throws Exception {
        Path device = Files.createDirectories(tmp.resolve("edge-device"));
        try (EdgeHubStandIn edgeHub = new EdgeHubStandIn(Files.createDirectories(device.resolve("edgehub")));
             WorkloadApiStandIn workload = new WorkloadApiStandIn(device.resolve("workload.sock"),
                     "module-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8),
                     Files.readString(edgeHub.caCert))) {
            List<String[]> received = new CopyOnWriteArrayList<>();
            MqttClient sub = new MqttClient("tcp://127.0.0.1:" + edgeHub.plainPort, "observer",
                    new MemoryPersistence());
            sub.connect();
            sub.subscribe("devices/#", 1, (t, m) -> received.add(new String[] {t,
                new String(m.getPayload(), StandardCharsets.UTF_8)}));

            Set<String> clipsBefore = clips();
            Path fileExport = pkg.resolve("export-messages/hub.jsonl");
            long fileBefore = Files.exists(fileExport) ? Files.size(fileExport) : -1;
            Path insights = device.resolve("insights.jsonl");
            Process p = imageCommand("Dockerfile.amd64", List.of("--frames", "4", "--no-pacing", "--out",
                    insights.toString()), Map.of("IOTEDGE_WORKLOADURI", workload.uri(),
                    "IOTEDGE_DEVICEID", "door-cam", "IOTEDGE_MODULEID", "sd-file-source",
                    "IOTEDGE_IOTHUBHOSTNAME", "plant.azure-devices.net", "IOTEDGE_AUTHSCHEME", "sasToken",
                    "IOTEDGE_GATEWAYHOSTNAME", edgeHub.gateway, "IOTEDGE_MODULEGENERATIONID", "g1")).start();
            String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), log);
            assertEquals(0, p.exitValue(), log);
            List<String> lines = Files.readAllLines(insights);
            assertEquals(4, lines.size(), log);
            long deadline = System.currentTimeMillis() + 20_000;
            while (received.size() < lines.size() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            sub.disconnect();
            sub.close();
            List<JsonElement> bodies = new ArrayList<>();
            for (String[] r : received) {
                assertTrue(r[0].startsWith("devices/door-cam/modules/sd-file-source/messages/events/")
                        && r[0].contains("$.on=metrics"), r[0]);
                bodies.add(JsonParser.parseString(r[1]));
            }
            for (String line : lines) {
                assertTrue(bodies.contains(JsonParser.parseString(line)), "not on edgeHub: " + line);
            }
            assertTrue(edgeHub.logText().contains(" as door-cam/sd-file-source (")
                    && edgeHub.logText().contains("u'plant.azure-devices.net/door-cam/sd-file-source/?api-version="),
                    edgeHub.logText());
            assertEquals(fileBefore, Files.exists(fileExport) ? Files.size(fileExport) : -1,
                    "device mode never writes the messages to a file instead");
            // video clips: written to the package folder's snippets/ (the IoT Edge bind mount, the Kubernetes
            // output claim), a playable H.264 MP4 of the frames the run processed
            Set<String> added = new TreeSet<>(clips());
            added.removeAll(clipsBefore);
            assertEquals(1, added.size(), "one clip from the device run: " + clips() + "\n" + log);
            try (org.bytedeco.javacv.FFmpegFrameGrabber g = new org.bytedeco.javacv.FFmpegFrameGrabber(
                    pkg.resolve("snippets").resolve(added.iterator().next()).toFile())) {
                g.start();
                int frames = 0;
                while (g.grabImage() != null) {
                    frames++;
                }
                // frames still in flight when --frames is reached go on through the nodes, so the snippet node may
                // see a few more than the insight lines: every frame it received is in the clip
                java.util.regex.Matcher in = java.util.regex.Pattern.compile("\nclip\\s+video-snippet-export\\s+(\\d+)")
                        .matcher(log);
                assertTrue(in.find(), log);
                assertTrue(frames >= 1 && frames == Integer.parseInt(in.group(1)),
                        "every frame the snippet node received is in the clip: " + frames + "\n" + log);
                assertEquals("h264", g.getVideoCodecName());
            }
        }
    }

    @Test
    void everyDockerfileBuildsFromThePackageAlone() throws IOException {
        Path runtime = pkg.resolve("runtime");
        for (String f : List.of("Dockerfile.amd64", "Dockerfile.cuda-amd64", "Dockerfile.arm64v8")) {
            DockerfileText d = DockerfileText.read(runtime.resolve(f));
            assertEquals(2, d.copies().size(), f);
            for (String[] copy : d.copies()) {
                for (int i = 0; i < copy.length - 1; i++) {
                    Path src = runtime.resolve(copy[i]).normalize();
                    assertTrue(src.startsWith(runtime) && Files.isDirectory(src) && !jars(src).isEmpty(),
                            f + ": COPY source " + copy[i] + " is not a folder of jars in the package");
                }
            }
            assertTrue(d.copies().stream().anyMatch(c -> c[0].equals("lib/common/")), f);
            if (!f.equals("Dockerfile.cuda-amd64")) {
                assertTrue(d.adds().isEmpty(), f + " downloads nothing: " + d.adds());
            }
        }
        // the CUDA image swaps the CPU build of ONNX Runtime for the GPU build of the same version, checked by SHA-1
        String cuda = Files.readString(runtime.resolve("Dockerfile.cuda-amd64"));
        String ort = BuildInfo.onnxRuntimeVersion();
        assertTrue(Files.isRegularFile(runtime.resolve("lib/amd64/onnxruntime-" + ort + ".jar")),
                "the jar the CUDA image removes is the package's: " + jars(runtime.resolve("lib/amd64")));
        assertTrue(cuda.contains("rm /opt/skill-designer/lib/onnxruntime-" + ort + ".jar"), cuda);
        assertTrue(cuda.contains("/onnxruntime_gpu/" + ort + "/onnxruntime_gpu-" + ort + ".jar"), cuda);
        assertTrue(cuda.matches("(?s).*echo \"[0-9a-f]{40}  /tmp/onnxruntime_gpu.jar\" \\| sha1sum -c -.*"), cuda);
        assertFalse(cuda.contains("@"), "every token filled: " + cuda);
    }

    /**
     * By jar listing and library headers: each architecture's set (common + its folder) holds native libraries for
     * that machine only (no other architecture's, no macOS or Windows ones), and arm64 has one for every native
     * library amd64 has.
     */
    @Test
    void eachArchitectureHasItsOwnNativesForEveryNativeLibrary() throws IOException {
        Map<String, Integer> amd64 = natives("amd64");
        Map<String, Integer> arm64 = natives("arm64v8");
        assertTrue(natives("common-only").isEmpty(), "common/ holds no native library: " + natives("common-only"));
        assertTrue(amd64.size() > 50, "FFmpeg, OpenCV, OpenBLAS, ONNX Runtime natives: " + amd64.keySet());
        amd64.forEach((lib, machine) -> assertEquals(0x3E, machine, "not an x86-64 ELF library in amd64: " + lib));
        arm64.forEach((lib, machine) -> assertEquals(0xB7, machine, "not an AArch64 ELF library in arm64v8: " + lib));
        Set<String> amd64Names = new TreeSet<>();
        amd64.keySet().forEach(n -> amd64Names.add(platformFree(n)));
        Set<String> arm64Names = new TreeSet<>();
        arm64.keySet().forEach(n -> arm64Names.add(platformFree(n)));
        Set<String> missing = new TreeSet<>(amd64Names);
        missing.removeAll(arm64Names);
        missing.removeAll(X86_ONLY.keySet());
        assertTrue(missing.isEmpty(), "native libraries amd64 has and arm64v8 lacks: " + missing);
        for (String lib : List.of("{p}/libjniopencv_core.so", "{p}/libavcodec.so.62", "{p}/libopenblas.so.0",
                "ai/onnxruntime/native/{p}/libonnxruntime.so")) {
            assertTrue(arm64Names.stream().anyMatch(n -> n.endsWith(lib)), lib + " in arm64v8");
        }
    }

    /** The packaged video reaches the runtime on a cluster too: a sub-folder of the claim, mounted as media/. */
    @Test
    @SuppressWarnings("unchecked")
    void thePackagedVideoIsMountedOnKubernetesAndNamedInTheDeploySteps() throws IOException {
        Map<String, Object> d = new org.yaml.snakeyaml.Yaml().load(Files.readString(
                pkg.resolve("k8s/amd64/runtime-deployment.yaml")));
        Map<String, Object> pod = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) d.get("spec"))
                .get("template")).get("spec");
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) ((List<Map<String, Object>>)
                pod.get("containers")).get(0).get("volumeMounts");
        assertTrue(mounts.contains(Map.of("name", "models", "mountPath", "/package/media", "subPath", "media",
                "readOnly", true)), mounts.toString());
        assertTrue(Files.isRegularFile(pkg.resolve("media/cam1-door.mp4")));
        String readme = Files.readString(pkg.resolve("README.md"));
        assertTrue(readme.contains("then copy `models/`, `labels/`, `media/` into the volume claim")
                && readme.contains("(at least `skill.json`, `models/`, `labels/`, `media/`)"), readme);
    }

    /** Every jar of amd64/ has its arm64v8/ twin: the same jar, or the same version with the arm64 classifier. */
    @Test
    void everyAmd64JarHasItsArm64Twin() throws IOException {
        List<String> arm64 = jars(pkg.resolve("runtime/lib/arm64v8"));
        for (String jar : jars(pkg.resolve("runtime/lib/amd64"))) {
            List<String> twins = List.of(jar, jar.replace("-linux-x86_64.jar", "-linux-arm64.jar"),
                    jar.replace("-linux-x86_64.jar", "-linux-aarch_64.jar"));
            assertTrue(twins.stream().anyMatch(arm64::contains), jar + " has no twin in arm64v8: " + arm64);
        }
    }

    @Test
    void exportWithoutTheRuntimeLeavesOutItsJarsAndDockerfiles() throws Exception {
        Path lean = tmp.resolve("lean");
        CliFixtures.doorVideo(lean);
        Path skill = CliFixtures.fileSourceSkill(lean, "media/door.mp4");
        Result r = cli("export", skill.toString(), "--out", lean.resolve("pkg").toString(), "--no-runtime");
        assertEquals(0, r.code(), r.out() + r.err());
        assertFalse(Files.exists(lean.resolve("pkg/runtime/lib")));
        try (Stream<Path> s = Files.list(lean.resolve("pkg/runtime"))) {
            assertEquals(List.of("README.md"), s.map(p -> p.getFileName().toString()).toList());
        }
        assertTrue(Files.readString(lean.resolve("pkg/README.md")).contains("exported without the runtime"));
        assertTrue(Files.readString(pkg.resolve("README.md")).contains("this package carries the runtime"));
        long leanBytes = size(lean.resolve("pkg"));
        long fullBytes = size(pkg);
        assertTrue(fullBytes > leanBytes + 100_000_000L, "runtime adds its jars: " + fullBytes + " vs " + leanBytes);
    }

    private static Set<String> clips() throws IOException {
        Path dir = pkg.resolve("snippets");
        if (!Files.isDirectory(dir)) {
            return Set.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".mp4"))
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    /** ENTRYPOINT + CMD (+ extra arguments) of an image, on this machine: its COPYs laid out under a folder. */
    private static ProcessBuilder imageCommand(String dockerfile, List<String> extra, Map<String, String> env)
            throws IOException {
        Path runtime = pkg.resolve("runtime");
        DockerfileText d = DockerfileText.read(runtime.resolve(dockerfile));
        Path image = Files.createDirectories(tmp.resolve("image-" + dockerfile + "-" + System.nanoTime()));
        for (String[] copy : d.copies()) {
            Path dest = Files.createDirectories(mapped(image, copy[copy.length - 1]));
            for (int i = 0; i < copy.length - 1; i++) {
                for (String jar : jars(runtime.resolve(copy[i]))) {
                    Files.createSymbolicLink(dest.resolve(jar), runtime.resolve(copy[i]).resolve(jar));
                }
            }
        }
        List<String> command = new ArrayList<>();
        for (String a : d.entrypoint()) {
            command.add(a.equals("java") ? Path.of(System.getProperty("java.home"), "bin", "java").toString()
                    : a.startsWith("/") ? mapped(image, a).toString() : a);
        }
        for (String a : d.cmd()) {
            command.add(a.startsWith("/") ? mapped(image, a).toString() : a);
        }
        command.addAll(extra);
        ProcessBuilder pb = new ProcessBuilder(command).directory(pkg.toFile()).redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("IOTEDGE_") || k.equals("CLASSPATH")
                || k.startsWith("JAVA_TOOL_OPTIONS") || k.contains("ConnectionString"));
        pb.environment().putAll(env);
        return pb;
    }

    /** /package is the unpacked package; everything else lies under the image folder. */
    private static Path mapped(Path image, String containerPath) {
        if (containerPath.equals("/package") || containerPath.startsWith("/package/")) {
            return pkg.resolve(containerPath.substring("/package".length()).replaceFirst("^/", ""));
        }
        return image.resolve(containerPath.substring(1));
    }

    /** Native library entries of a set (jar!entry → ELF machine, -1 when not ELF); "common-only": common/ alone. */
    private static Map<String, Integer> natives(String set) throws IOException {
        List<Path> dirs = set.equals("common-only") ? List.of(pkg.resolve("runtime/lib/common"))
                : List.of(pkg.resolve("runtime/lib/common"), pkg.resolve("runtime/lib/" + set));
        Map<String, Integer> out = new TreeMap<>();
        for (Path dir : dirs) {
            for (String jar : jars(dir)) {
                try (ZipFile z = new ZipFile(dir.resolve(jar).toFile())) {
                    for (ZipEntry e : z.stream().toList()) {
                        String n = e.getName();
                        if (!e.isDirectory() && n.matches(".*\\.(so|dll|dylib|jnilib)$|.*\\.so\\.[0-9.]+$")) {
                            out.put(n, machine(z, e));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static int machine(ZipFile z, ZipEntry e) throws IOException {
        try (InputStream in = z.getInputStream(e)) {
            byte[] h = in.readNBytes(20);
            boolean elf = h.length == 20 && h[0] == 0x7F && h[1] == 'E' && h[2] == 'L' && h[3] == 'F';
            return elf ? (h[18] & 0xFF) | (h[19] & 0xFF) << 8 : -1;
        }
    }

    /** The library's path with the platform named neutrally (JavaCPP, ONNX Runtime and Netty spellings). */
    private static String platformFree(String entry) {
        return entry.replaceAll("linux-x86_64|linux-arm64|linux-x64|linux-aarch64", "{p}")
                .replaceAll("x86_64|aarch_64", "{arch}");
    }

    private static List<String> jars(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            long total = 0;
            for (Path p : (Iterable<Path>) s::iterator) {
                total += Files.isRegularFile(p) ? Files.size(p) : 0;
            }
            return total;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
