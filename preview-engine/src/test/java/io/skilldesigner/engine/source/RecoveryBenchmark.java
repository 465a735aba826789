package io.skilldesigner.engine.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.TestSkills;

/**
 * Time from a camera coming back (the RTSP server listening again) to the first new insight, after outages of
 * 3, 10 and 30 s, with the default reconnect policy. Not a test: run its main (see BENCHMARKS.md).
 * Arguments: repetitions per outage (default 3), then outage lengths in seconds (default 3 10 30).
 */
public final class RecoveryBenchmark {
    private RecoveryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reps = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        List<Integer> outages = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            outages.add(Integer.parseInt(args[i]));
        }
        if (outages.isEmpty()) {
            outages = List.of(3, 10, 30);
        }
        try (GstRtspServer server = new GstRtspServer(GstRtspServer.freePort(), "cam").start()) {
            Skill skill = TestSkills.rtspCamera(server.url()).fps(15).node("filter", FilterNode.ID, "camera").build();
            RtspSourceTest.Watch watch = new RtspSourceTest.Watch();
            try (Engine engine = Engine.builder(skill).sourceOverride(SourceSpec.rtsp(server.url(), "tcp"))
                    .listener(watch).build()) {
                engine.start();
                RtspSourceTest.waitFor(() -> watch.outputs.get() >= 30, Duration.ofSeconds(60), "first frames");
                System.out.println("outage s | camera back -> first insight, ms (each run)");
                for (int outage : outages) {
                    List<Long> times = new ArrayList<>();
                    for (int r = 0; r < reps; r++) {
                        server.kill();
                        Thread.sleep(outage * 1000L);
                        server.start(); // returns once the server listens again
                        long back = System.nanoTime();
                        long seen = watch.outputs.get();
                        RtspSourceTest.waitFor(() -> watch.outputs.get() > seen, Duration.ofSeconds(60),
                                "frames after the outage");
                        times.add((System.nanoTime() - back) / 1_000_000);
                        // Live for a while, as a real camera would be, before the next outage.
                        Thread.sleep(3000);
                    }
                    System.out.println(outage + " | " + times);
                }
            }
        }
    }
}
