package io.skilldesigner.engine.export;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.ExportMessage;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** A preview context that records messages and node states, and frames with known insights. */
final class ExportTestSupport {
    static final RunIdentity IDENTITY = new RunIdentity("inst-1", "skill-1", "device-1");
    static final long START_MS = 1_700_000_000_000L;

    record Status(String nodeId, NodeState state, String message) {
    }

    final List<ExportMessage> messages = new CopyOnWriteArrayList<>();
    final List<Status> statuses = new CopyOnWriteArrayList<>();
    final RuntimeContext context;

    ExportTestSupport(Path workspace, boolean edge) {
        context = new RuntimeContext(Skill.empty("skill-1", "People counter"), null, workspace, IDENTITY,
                messages::add, (id, s, m) -> statuses.add(new Status(id, s, m)), edge);
    }

    /** Frame {@code seq} at 10 fps; {@code objects} people boxes. */
    static Frame frame(long seq, int objects) {
        List<DetectedObject> objs = new java.util.ArrayList<>();
        for (int i = 0; i < objects; i++) {
            objs.add(DetectedObject.of("person", 0.75f, new BBox(0.1f * i, 0.2f, 0.1f, 0.3f)));
        }
        return new Frame("frame-" + seq, seq, START_MS + seq * 100, null, 640, 480, objs, List.of());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition, long timeoutMillis, String what)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    static void waitForPort(int port, long timeoutMillis) throws InterruptedException {
        waitFor(() -> {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException e) {
                return false;  // not listening yet
            }
        }, timeoutMillis, "port " + port);
    }
}
