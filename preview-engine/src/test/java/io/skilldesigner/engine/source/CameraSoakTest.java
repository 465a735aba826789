package io.skilldesigner.engine.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.grpc.ReferenceCustomNodeServer;
import io.skilldesigner.engine.grpc.ReferenceServerOptions;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;

/**
 * Bounded soak (about two minutes): an RTSP camera and a gRPC node, 100 runs started and stopped at random
 * moments while the RTSP server and the gRPC server are killed and restarted. No crash (a use-after-free kills
 * this JVM), no hang (each stop is bounded), and no growth of threads or resident memory after the warm-up.
 * The figures it prints go to BENCHMARKS.md.
 */
class CameraSoakTest {
    private static final int CYCLES = 100;
    private static final int WARM_UP = 15;

    /** A figure from /proc/self/status (kB for memory), or -1 where there is no /proc. */
    static long procStatus(String key) throws Exception {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith(key + ":"))
                .map(l -> l.replaceAll("[^0-9]", "")).mapToLong(Long::parseLong).findFirst().orElse(-1);
    }

    private static long[] settle() throws Exception {
        System.gc();
        Thread.sleep(1500);
        return new long[] {procStatus("Threads"), procStatus("VmRSS")};
    }

    @Test
    void hundredsOfStopsAndStartsWhileCameraAndNodeServersDieAndComeBack() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_JPEG, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
        ReferenceCustomNodeServer grpc = ReferenceCustomNodeServer.start(options);
        int grpcPort = grpc.port();
        try (GstRtspServer rtsp = new GstRtspServer(GstRtspServer.freePort(), "soak").start()) {
            Skill skill = TestSkills.rtspCamera(rtsp.url()).fps(15).node("custom", GrpcCustomNode.ID, "camera",
                    Map.of(GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT,
                            GrpcCustomNode.ENDPOINT_URL, "127.0.0.1:" + grpcPort)).build();
            SourceSpec spec = SourceSpec.rtsp(rtsp.url(), "tcp");
            Random random = new Random(2026);
            long[] base = null;
            long reconnects = 0;
            long start = System.nanoTime();
            for (int i = 0; i < CYCLES; i++) {
                if (i == WARM_UP) {
                    base = settle();
                }
                if (i % 20 == 7) {
                    grpc.close(); // the node's server dies between runs and comes back on the same port
                    grpc = ReferenceCustomNodeServer.start(options.withPort(grpcPort));
                }
                RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
                try (Engine engine = Engine.builder(skill).sourceOverride(spec).listener(watch).build()) {
                    engine.start();
                    if (i % 10 == 3) {
                        // The camera dies mid-run and comes back: stop soon after the reconnect.
                        RtspSourceTest.waitFor(() -> watch.outputs.get() >= 1, Duration.ofSeconds(30), "a frame");
                        StopWhileGrabbingTest.killAndBringBack(rtsp, watch);
                        reconnects++;
                    } else if (i % 2 == 0) {
                        RtspSourceTest.waitFor(() -> watch.outputs.get() >= 1, Duration.ofSeconds(30), "a frame");
                    }
                    // Odd cycles often stop while the camera is still being opened.
                    Thread.sleep(random.nextInt(300));
                    long t0 = System.nanoTime();
                    engine.stop();
                    double stopSeconds = (System.nanoTime() - t0) / 1e9;
                    assertTrue(stopSeconds < 8, "stop " + i + " took " + stopSeconds + " s");
                }
            }
            StopWhileGrabbingTest.awaitNoGrabberThreads();
            long[] end = settle();
            double minutes = (System.nanoTime() - start) / 60e9;
            System.out.printf("SOAK %d cycles (%d with camera reconnects, gRPC server restarted %d times) in %.1f min:"
                    + " threads %d -> %d, RSS %d MB -> %d MB%n", CYCLES, reconnects, CYCLES / 20, minutes, base[0],
                    end[0], base[1] / 1024, end[1] / 1024);
            if (base[0] >= 0) {
                assertTrue(end[0] <= base[0] + 6, "threads grew: " + base[0] + " -> " + end[0]);
                assertTrue(end[1] - base[1] < 200 * 1024, "RSS grew: " + base[1] + " -> " + end[1] + " kB");
            }
        } finally {
            grpc.close();
        }
    }
}
