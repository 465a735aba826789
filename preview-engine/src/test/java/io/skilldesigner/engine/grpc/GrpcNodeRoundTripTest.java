package io.skilldesigner.engine.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.RunIdentity;

/** The client node against the reference server on 127.0.0.1, for every negotiable combination. */
class GrpcNodeRoundTripTest {
    private static final RunIdentity IDENTITY = new RunIdentity("inst-1", "skill-42", "device-9");

    static Stream<Arguments> combinations() {
        List<Arguments> out = new ArrayList<>();
        for (ImageType image : List.of(ImageType.IMAGE_TYPE_NUMPY, ImageType.IMAGE_TYPE_BMP, ImageType.IMAGE_TYPE_JPEG)) {
            for (ColorFormat color : List.of(ColorFormat.COLOR_FORMAT_BGR, ColorFormat.COLOR_FORMAT_RGB)) {
                for (ProcessResponseType response : List.of(ProcessResponseType.IMAGE_ONLY,
                        ProcessResponseType.INSIGHTS_META_ONLY, ProcessResponseType.IMAGE_AND_INSIGHTS_META,
                        ProcessResponseType.EMPTY)) {
                    out.add(Arguments.of(image, color, response));
                }
            }
        }
        return out.stream();
    }

    /**
     * The server finds the red and blue patches only if the pixels arrived in the right channel order; a returned
     * image must decode back to BGR with the red patch still red and the server's green box drawn around it.
     */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("combinations")
    void pixelsAndMergeFollowTheNegotiatedTypes(ImageType image, ColorFormat color, ProcessResponseType response)
            throws Exception {
        var options = ReferenceServerOptions.loopback(image, color, ProcessRequestType.FRAME_WITH_IMAGE, response);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            var statuses = new TestFrames.Statuses();
            var config = GrpcNodeConfig.plain("127.0.0.1", server.port(), Duration.ofSeconds(5)).withColor(color);
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config, IDENTITY), statuses)) {
                Frame in = TestFrames.patches(320, 240);
                Frame out = node.process(in);

                assertEquals(NodeState.RUNNING, statuses.last().state(), statuses.entries.toString());
                assertEquals(1, server.service().frames());
                boolean insights = response == ProcessResponseType.INSIGHTS_META_ONLY
                        || response == ProcessResponseType.IMAGE_AND_INSIGHTS_META;
                boolean returnsImage = response == ProcessResponseType.IMAGE_ONLY
                        || response == ProcessResponseType.IMAGE_AND_INSIGHTS_META;
                if (insights) {
                    List<DetectedObject> objects = new ArrayList<>(out.objects());
                    objects.sort(Comparator.comparing(DetectedObject::label));
                    assertEquals(List.of("blue", "red"), objects.stream().map(DetectedObject::label).toList());
                    assertBox(new BBox(200 / 320f, 100 / 240f, 80 / 320f, 80 / 240f), objects.get(0).bbox());
                    assertBox(new BBox(40 / 320f, 60 / 240f, 80 / 320f, 80 / 240f), objects.get(1).bbox());
                    assertEquals("colour", objects.get(1).attributes().get(0).name());
                    assertEquals("red", objects.get(1).attributes().get(0).label());
                } else {
                    assertTrue(out.objects().isEmpty(), "no insights expected for " + response);
                }
                if (returnsImage) {
                    assertNotSame(in.image(), out.image());
                    assertEquals(320, out.width());
                    int tolerance = image == ImageType.IMAGE_TYPE_JPEG ? 40 : 0;
                    int[] inside = TestFrames.bgr(out.image(), 80, 100);
                    assertTrue(TestFrames.near(inside, 0, 0, 255, tolerance), "red patch came back as "
                            + java.util.Arrays.toString(inside));
                    int[] border = TestFrames.bgr(out.image(), 40, 100);
                    assertTrue(border[1] > 150 && border[1] > border[2] + 40 && border[0] < 90, "expected the green box at the red patch's left"
                            + " edge, got " + java.util.Arrays.toString(border));
                } else {
                    assertSame(in.image(), out.image(), "image must be untouched for " + response);
                }
            }
        }
    }

    private static void assertBox(BBox expected, BBox actual) {
        float eps = 0.01f;
        assertTrue(Math.abs(expected.l() - actual.l()) < eps && Math.abs(expected.t() - actual.t()) < eps
                && Math.abs(expected.w() - actual.w()) < eps && Math.abs(expected.h() - actual.h()) < eps,
                "expected " + expected + " got " + actual);
    }

    @Test
    void existingObjectsAndEventsAreSentAndReturnedObjectsAppended() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_BMP, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            var config = GrpcNodeConfig.plain("127.0.0.1", server.port(), Duration.ofSeconds(5));
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config, IDENTITY),
                    new TestFrames.Statuses())) {
                DetectedObject car = new DetectedObject("car", 0.9f, new BBox(40 / 320f, 60 / 240f, 80 / 320f,
                        80 / 240f), "det-1", List.of(), null);
                FrameEvent event = new FrameEvent("zone_enter", "e1", List.of("det-1"), Map.of("zone", "A"),
                        1_764_000_000_123L);
                Frame in = TestFrames.patches(320, 240).withObjects(List.of(car)).withEvents(List.of(event));
                Frame out = node.process(in);

                assertEquals(2, out.objects().size(), out.objects().toString());
                assertSame(car, out.objects().get(0));
                DetectedObject added = out.objects().get(1);
                assertEquals("red", added.label());
                assertEquals("reference-colour:det-1", added.inferenceId());
                assertEquals("red", added.attributes().get(0).label());
                assertEquals(car.bbox(), added.bbox());
                assertEquals(List.of(event), out.events());
            }
        }
    }

    @Test
    void frameWithoutImageSendsMetadataOnlyAndHandshakeCarriesTheRunIds() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_JPEG, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITHOUT_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            var statuses = new TestFrames.Statuses();
            Map<String, Object> settings = Map.of(GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT,
                    GrpcCustomNode.ENDPOINT_URL, "127.0.0.1:" + server.port(), GrpcCustomNode.DEADLINE_MS, 5000);
            try (var node = new GrpcCustomRuntimeFactory().create(TestFrames.node("g1", settings),
                    EffectiveSettings.of(new GrpcCustomNode(), "g1", settings),
                    TestFrames.context(statuses))) {
                DetectedObject car = DetectedObject.of("car", 0.8f, new BBox(0.1f, 0.1f, 0.2f, 0.2f));
                Frame in = TestFrames.patches(320, 240).withObjects(List.of(car));
                Frame out = node.process(in);
                out = node.process(out.withObjects(List.of(car, car)));

                assertEquals(0, server.service().framesWithImage());
                assertEquals(2, server.service().frames());
                assertEquals(List.of(car, car), out.objects());
                assertEquals(2, out.events().size());
                assertEquals("object_count", out.events().get(1).type());
                assertEquals("2", out.events().get(1).properties().get("count"));
                assertEquals("1", out.events().get(0).properties().get("count"));
                HandshakeRequest hs = server.service().handshakes().get(0);
                assertEquals(1, server.service().handshakes().size());
                assertEquals("inst-1", hs.getInstanceId());
                assertEquals("skill-42", hs.getSkillId());
                assertEquals("device-9", hs.getDeviceId());
                assertEquals(List.of(NodeState.STARTING, NodeState.RUNNING), statuses.states());
            }
        }
    }

    /** A raw 1080p frame is 6.2 MB, over gRPC's default 4 MB inbound limit that breaks KAN's runtime. */
    @Test
    void fullHdRawFramesPassBothWays() throws Exception {
        var options = ReferenceServerOptions.loopback(ImageType.IMAGE_TYPE_NUMPY, ColorFormat.COLOR_FORMAT_RGB,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.IMAGE_AND_INSIGHTS_META);
        try (var server = ReferenceCustomNodeServer.start(options)) {
            var statuses = new TestFrames.Statuses();
            var config = GrpcNodeConfig.plain("127.0.0.1", server.port(), Duration.ofSeconds(10));
            try (var node = GrpcCustomRuntime.connected("g1", new CustomNodeClient(config, IDENTITY), statuses)) {
                Frame out = node.process(TestFrames.patches(1920, 1080));
                assertEquals(NodeState.RUNNING, statuses.last().state(), statuses.entries.toString());
                assertEquals(1920, out.image().width());
                assertEquals(List.of("blue", "red"), out.objects().stream().map(DetectedObject::label).sorted().toList());
            }
        }
    }
}
