package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeState;

/** TLS with a self-signed certificate made by the openssl CLI, and the node's settings as the catalog gives them. */
class GrpcNodeTlsAndSettingsTest {
    @TempDir
    static Path dir;
    static Path cert;
    static Path key;

    @BeforeAll
    static void selfSignedCertificate() throws Exception {
        cert = dir.resolve("server.pem");
        key = dir.resolve("server.key");
        Process p = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
                "-keyout", key.toString(), "-out", cert.toString()).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, "openssl failed: " + log);
    }

    private static ReferenceServerOptions insights() {
        return ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_JPEG, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
    }

    private static Frame run(Map<String, Object> settings, TestFrames.Statuses statuses, Frame in) throws Exception {
        try (NodeRuntime node = new GrpcCustomRuntimeFactory().create(TestFrames.node("g1", settings),
                EffectiveSettings.of(new GrpcCustomNode(), "g1", settings),
                TestFrames.context(statuses))) {
            return node.process(in);
        }
    }

    private static Map<String, Object> endpoint(String url) {
        Map<String, Object> s = new HashMap<>();
        s.put(GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT);
        s.put(GrpcCustomNode.ENDPOINT_URL, url);
        s.put(GrpcCustomNode.DEADLINE_MS, 5000);
        s.put(GrpcCustomNode.TLS, false);
        return s;
    }

    @Test
    void grpcsSchemeWithCustomCa() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(insights().withTls(cert, key))) {
            Map<String, Object> s = endpoint("grpcs://127.0.0.1:" + server.port());
            s.put(GrpcCustomNode.CA_FILE, cert.toString());
            var statuses = new TestFrames.Statuses();
            Frame out = run(s, statuses, TestFrames.patches(320, 240));
            assertEquals(2, out.objects().size(), statuses.entries.toString());
            assertEquals(1, server.service().handshakes().size());
        }
    }

    @Test
    void tlsSettingWithCustomCa() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(insights().withTls(cert, key))) {
            Map<String, Object> s = endpoint("127.0.0.1:" + server.port());
            s.put(GrpcCustomNode.TLS, true);
            s.put(GrpcCustomNode.CA_FILE, cert.toString());
            Frame out = run(s, new TestFrames.Statuses(), TestFrames.patches(320, 240));
            assertEquals(2, out.objects().size());
        }
    }

    @Test
    void tlsWithoutTrustingTheSelfSignedCertificateFails() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(insights().withTls(cert, key))) {
            var statuses = new TestFrames.Statuses();
            Frame in = TestFrames.patches(320, 240);
            assertSame(in, run(endpoint("grpcs://127.0.0.1:" + server.port()), statuses, in));
            assertTrue(statuses.states().contains(NodeState.ERROR), statuses.entries.toString());
            assertEquals(0, server.service().handshakes().size());
        }
    }

    @Test
    void plainClientAgainstTlsServerFails() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(insights().withTls(cert, key))) {
            var statuses = new TestFrames.Statuses();
            Frame in = TestFrames.patches(320, 240);
            assertSame(in, run(endpoint("127.0.0.1:" + server.port()), statuses, in));
            assertTrue(statuses.states().contains(NodeState.ERROR), statuses.entries.toString());
        }
    }

    @Test
    void missingCaFileIsAClearError() throws Exception {
        Map<String, Object> s = endpoint("grpcs://127.0.0.1:1");
        s.put(GrpcCustomNode.CA_FILE, dir.resolve("nope.pem").toString());
        var statuses = new TestFrames.Statuses();
        Frame in = TestFrames.patches(320, 240);
        assertSame(in, run(s, statuses, in));
        assertEquals(NodeState.ERROR, statuses.entries.get(0).state());
        assertTrue(statuses.entries.get(0).message().contains("caFile")
                && statuses.entries.get(0).message().contains("nope.pem"), statuses.entries.toString());
    }

    @Test
    void containerModeWithoutPreviewEndpointSaysSo() throws Exception {
        Map<String, Object> s = new HashMap<>();
        s.put(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER);
        s.put(GrpcCustomNode.CONTAINER_NAME, "colour");
        s.put(GrpcCustomNode.PORT, 50051);
        var statuses = new TestFrames.Statuses();
        Frame in = TestFrames.patches(320, 240);
        assertSame(in, run(s, statuses, in));
        TestFrames.Statuses.Entry e = statuses.entries.get(0);
        assertEquals(NodeState.ERROR, e.state());
        assertTrue(e.message().contains("container 'colour'") && e.message().contains("localEndpoint"),
                e.message());
    }

    @Test
    void containerModeUsesThePreviewEndpoint() throws Exception {
        try (var server = ReferenceCustomNodeServer.start(insights())) {
            Map<String, Object> s = new HashMap<>();
            s.put(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER);
            s.put(GrpcCustomNode.CONTAINER_NAME, "colour");
            s.put(GrpcCustomNode.PORT, 50051);
            s.put(GrpcCustomNode.LOCAL_ENDPOINT, "127.0.0.1:" + server.port());
            s.put(GrpcCustomNode.DEADLINE_MS, 5000);
            var statuses = new TestFrames.Statuses();
            Frame out = run(s, statuses, TestFrames.patches(320, 240));
            assertEquals(2, out.objects().size(), statuses.entries.toString());
            assertEquals(List.of(NodeState.STARTING, NodeState.RUNNING, NodeState.STOPPED), statuses.states());
        }
    }

    @Test
    void unreadableDeadlineIsAClearError() throws Exception {
        // a value that is no number is refused where the node's effective settings are built, naming node and key
        Map<String, Object> s = endpoint("127.0.0.1:1");
        s.put(GrpcCustomNode.DEADLINE_MS, "soon");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EffectiveSettings.of(new GrpcCustomNode(), "g1", s));
        assertTrue(e.getMessage().contains("'g1'") && e.getMessage().contains("deadlineMs")
                && e.getMessage().contains("'soon'"), e.getMessage());

        // a parameter left to the deployment reaches the node: a clear error there, and frames pass through
        s.put(GrpcCustomNode.DEADLINE_MS, "$param(deadline)");
        var statuses = new TestFrames.Statuses();
        Frame in = TestFrames.patches(320, 240);
        assertSame(in, run(s, statuses, in));
        assertTrue(statuses.entries.get(0).message().contains("deadlineMs")
                && statuses.entries.get(0).message().contains("'$param(deadline)'"), statuses.entries.toString());
    }

    @Test
    void malformedEndpointIsAClearError() throws Exception {
        var statuses = new TestFrames.Statuses();
        Frame in = TestFrames.patches(320, 240);
        assertSame(in, run(endpoint("not a url"), statuses, in));
        assertTrue(statuses.entries.get(0).message().contains("endpointUrl")
                && statuses.entries.get(0).message().contains("'not a url'"), statuses.entries.toString());
    }
}
