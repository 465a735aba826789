package io.skilldesigner.engine.grpc;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.LongUnaryOperator;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Frames with known colour patches, pixel probes and a status recorder for the gRPC node tests. */
final class TestFrames {
    /** Red patch (BGR 0,0,255) and blue patch (BGR 255,0,0) on grey, in a 320x240 frame. */
    static final Rect RED = new Rect(40, 60, 80, 80);
    static final Rect BLUE = new Rect(200, 100, 80, 80);

    private TestFrames() {
    }

    static Frame patches(int width, int height) {
        Mat m = new Mat(height, width, CV_8UC3, new Scalar(128, 128, 128, 0));
        rectangle(m, scale(RED, width, height), new Scalar(0, 0, 255, 0), FILLED, LINE_8, 0);
        rectangle(m, scale(BLUE, width, height), new Scalar(255, 0, 0, 0), FILLED, LINE_8, 0);
        return Frame.of(7, 1_764_000_000_123L, new FrameImage(m));
    }

    static Rect scale(Rect r, int width, int height) {
        return new Rect(r.x() * width / 320, r.y() * height / 240, r.width() * width / 320,
                r.height() * height / 240);
    }

    /** BGR of one pixel. */
    static int[] bgr(FrameImage image, int x, int y) {
        try (UByteIndexer idx = image.mat().createIndexer()) {
            return new int[] {idx.get(y, x, 0), idx.get(y, x, 1), idx.get(y, x, 2)};
        }
    }

    static boolean near(int[] actual, int b, int g, int r, int tolerance) {
        return Math.abs(actual[0] - b) <= tolerance && Math.abs(actual[1] - g) <= tolerance
                && Math.abs(actual[2] - r) <= tolerance;
    }

    /** Records every status a node reports. */
    static final class Statuses implements NodeStatusListener {
        record Entry(String nodeId, NodeState state, String message) {
        }

        final List<Entry> entries = new CopyOnWriteArrayList<>();

        @Override
        public void onStatus(String nodeId, NodeState state, String message) {
            entries.add(new Entry(nodeId, state, message));
        }

        Entry last() {
            return entries.get(entries.size() - 1);
        }

        List<NodeState> states() {
            List<NodeState> out = new ArrayList<>();
            entries.forEach(e -> out.add(e.state()));
            return out;
        }
    }

    static RuntimeContext context(NodeStatusListener status) {
        return new RuntimeContext(null, null, Path.of("."), new RunIdentity("inst-1", "skill-42", "device-9"),
                ExportMessageListener.NONE, status, false);
    }

    static SkillNode node(String id, Map<String, Object> settings) {
        return new SkillNode(id, io.skilldesigner.core.catalog.nodes.GrpcCustomNode.ID, id, settings, null);
    }

    /**
     * A server on 127.0.0.1 that handshakes with {@code ack(seq)}, JPEG and the {@code declared} response type, and
     * answers every frame with {@code answer}: for clients meeting bad or unusual servers.
     */
    static Server scriptedServer(LongUnaryOperator ack, ProcessResponseType declared,
                                 Function<ProcessRequest, ProcessResponse> answer) throws IOException {
        var service = new CustomNodeHandlerGrpc.CustomNodeHandlerImplBase() {
            @Override
            public void handshake(HandshakeRequest r, StreamObserver<HandshakeResponse> out) {
                out.onNext(HandshakeResponse.newBuilder()
                        .setAck(ack.applyAsLong(r.getSeq()))
                        .setImageType(ImageType.IMAGE_TYPE_JPEG)
                        .setProcessResponseType(declared).build());
                out.onCompleted();
            }

            @Override
            public void process(ProcessRequest r, StreamObserver<ProcessResponse> out) {
                out.onNext(answer.apply(r));
                out.onCompleted();
            }
        };
        return NettyServerBuilder
                .forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(Channels.MAX_MESSAGE_BYTES).addService(service).build().start();
    }
}
