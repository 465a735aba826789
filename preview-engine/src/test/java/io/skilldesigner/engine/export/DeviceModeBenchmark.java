package io.skilldesigner.engine.export;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.TestVideos;

/**
 * Time from starting the device runtime (a fresh JVM, as a container start) to the first insight PUBLISH seen on
 * the edgeHub stand-in (workload API + Mosquitto/TLS, as in {@link DeviceModeTest}). Harness, not a test:
 * <pre>
 * mvn -B -q -pl preview-engine -am test-compile
 * mvn -B -q -pl preview-engine dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -cp preview-engine/target/test-classes:preview-engine/target/classes:skill-core/target/classes:$(cat /tmp/cp.txt) \
 *     io.skilldesigner.engine.export.DeviceModeBenchmark 3
 * </pre>
 */
public final class DeviceModeBenchmark {
    private DeviceModeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("sd-device-bench");
        Path video = TestVideos.movingSquare(dir.resolve("clip.mp4"), 60, 320, 240, 30);
        var skill = TestSkills.fileCamera(video, true).fps(30).node("hub", IotHubExportNode.ID, "camera",
                Map.of(IotHubExportNode.DELAY_SECONDS, 0L, IotHubExportNode.ONLY_WITH_OBJECTS, false)).build();
        Path skillFile = Files.writeString(dir.resolve("bench.skill.json"),
                new SkillJson(NodeCatalog.standard()).write(skill));
        try (EdgeHubStandIn hub = new EdgeHubStandIn(dir);
             WorkloadApiStandIn workload = new WorkloadApiStandIn(dir.resolve("workload.sock"),
                     DeviceModeTest.MODULE_KEY, Files.readString(hub.caCert))) {
            for (int i = 0; i < rounds; i++) {
                CountDownLatch first = new CountDownLatch(1);
                MqttClient sub = new MqttClient("tcp://127.0.0.1:" + hub.plainPort, "bench-" + i,
                        new MemoryPersistence());
                sub.connect();
                sub.subscribe("devices/#", 1, (t, m) -> first.countDown());
                List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                        System.getProperty("java.class.path"), "io.skilldesigner.engine.cli.Main", "run",
                        skillFile.toString(), "--workspace", dir.toString(), "--frames", "30", "--out",
                        dir.resolve("out.jsonl").toString());
                ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD);
                pb.environment().putAll(DeviceModeTest.moduleEnvironment(workload, hub));
                long start = System.nanoTime();
                Process p = pb.start();
                boolean got = first.await(120, TimeUnit.SECONDS);
                long ms = (System.nanoTime() - start) / 1_000_000;
                p.waitFor(120, TimeUnit.SECONDS);
                sub.disconnect();
                sub.close();
                System.out.println("round " + (i + 1) + ": " + (got ? ms + " ms to the first insight on edgeHub"
                        : "no insight within 120 s"));
            }
        }
    }
}
