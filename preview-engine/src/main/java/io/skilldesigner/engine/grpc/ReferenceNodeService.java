package io.skilldesigner.engine.grpc;

import static org.bytedeco.opencv.global.opencv_imgproc.LINE_8;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.grpc.proto.CustomNodeHandlerGrpc;
import io.skilldesigner.engine.grpc.proto.EventMeta;
import io.skilldesigner.engine.grpc.proto.HandshakeRequest;
import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.InsightsMeta;
import io.skilldesigner.engine.grpc.proto.ObjectMeta;
import io.skilldesigner.engine.grpc.proto.ObjectMetaAttribute;
import io.skilldesigner.engine.grpc.proto.ProcessRequest;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;
import io.skilldesigner.engine.grpc.proto.Timestamp;

/**
 * The reference custom node: answers the handshake as configured; per frame, for each object it is sent it returns
 * a new object with the same box labelled with the crop's dominant colour (attribute "colour") — new, because the
 * runtime appends returned objects; with no objects it returns the bright colour regions it finds. Image
 * responses are the frame with the boxes drawn (green, 2 px).
 */
public final class ReferenceNodeService extends CustomNodeHandlerGrpc.CustomNodeHandlerImplBase {
    static final String INFERENCE_ID = "reference-colour";
    private static final Scalar BOX_COLOUR = new Scalar(0, 255, 0, 0);

    private final ReferenceServerOptions options;
    private final List<HandshakeRequest> handshakes = new CopyOnWriteArrayList<>();
    private final AtomicLong frames = new AtomicLong();
    private final AtomicLong framesWithImage = new AtomicLong();

    public ReferenceNodeService(ReferenceServerOptions options) {
        this.options = options;
    }

    /** Every handshake received, in order (tests check reconnects and ids). */
    public List<HandshakeRequest> handshakes() {
        return List.copyOf(handshakes);
    }

    public long frames() {
        return frames.get();
    }

    /** Frames that carried image bytes (none when the handshake asked for FRAME_WITHOUT_IMAGE). */
    public long framesWithImage() {
        return framesWithImage.get();
    }

    @Override
    public void handshake(HandshakeRequest request, StreamObserver<HandshakeResponse> out) {
        handshakes.add(request);
        out.onNext(HandshakeResponse.newBuilder().setAck(request.getSeq()).setImageType(options.imageType())
                .setProcessRequestType(options.requestType()).setProcessResponseType(options.responseType()).build());
        out.onCompleted();
    }

    @Override
    public void process(ProcessRequest request, StreamObserver<ProcessResponse> out) {
        frames.incrementAndGet();
        try {
            pause();
            out.onNext(answer(request));
            out.onCompleted();
        } catch (CustomNodeException e) {
            out.onError(Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.onError(Status.CANCELLED.withDescription("server shutting down").asRuntimeException());
        }
    }

    private void pause() throws InterruptedException {
        if (options.delayMs() > 0) {
            Thread.sleep(options.delayMs());
        }
    }

    private ProcessResponse answer(ProcessRequest request) throws CustomNodeException {
        var frame = request.getFrame();
        ProcessResponse.Builder response = ProcessResponse.newBuilder().setAck(request.getSeq());
        boolean hasImage = frame.hasImage() && !frame.getImage().getImagePointer().isEmpty();
        if (hasImage) {
            framesWithImage.incrementAndGet();
        }
        ProcessResponseType type = options.responseType();
        if (type == ProcessResponseType.EMPTY) {
            return response.build();
        }
        if (!hasImage) {
            if (options.requestType() == ProcessRequestType.FRAME_WITH_IMAGE) {
                throw new CustomNodeException("frame " + frame.getFrameId() + " has no image, but the handshake"
                        + " asked for FRAME_WITH_IMAGE");
            }
            // Metadata only: nothing to look at, so report how many objects arrived.
            return response.setInsightsMeta(InsightsMeta.newBuilder().addEventsMeta(EventMeta.newBuilder()
                    .setTimestamp(frame.getTimestamp()).setType("object_count").setEventId(frame.getFrameId())
                    .putProperties("count", Integer.toString(frame.getInsightsMeta().getObjectsMetaCount()))))
                    .build();
        }
        FrameImage image = ImageCodec.decode(frame.getImage());
        try {
            InsightsMeta insights = analyse(image.mat(), frame.getInsightsMeta(), frame.getTimestamp());
            if (type != ProcessResponseType.IMAGE_ONLY) {
                response.setInsightsMeta(insights);
            }
            if (type != ProcessResponseType.INSIGHTS_META_ONLY) {
                try (Mat drawn = image.mat().clone()) {
                    for (ObjectMeta o : insights.getObjectsMetaList()) {
                        rectangle(drawn, pixels(drawn, o.getBbox()), BOX_COLOUR, 2, LINE_8, 0);
                    }
                    response.setImage(ImageCodec.encode(new FrameImage(drawn), options.imageType(), options.color()));
                }
            }
            return response.build();
        } finally {
            image.mat().close();
        }
    }

    private static InsightsMeta analyse(Mat bgr, InsightsMeta in, Timestamp ts) throws CustomNodeException {
        InsightsMeta.Builder out = InsightsMeta.newBuilder();
        if (in.getObjectsMetaCount() > 0) {
            for (int i = 0; i < in.getObjectsMetaCount(); i++) {
                ObjectMeta o = in.getObjectsMeta(i);
                var b = o.getBbox();
                InsightsCodec.checkBox("sent object " + i, b.getL(), b.getT(), b.getW(), b.getH());
                Rect r = pixels(bgr, b);
                if (r.width() <= 0 || r.height() <= 0) {
                    continue;
                }
                String colour = ColourAnalyser.dominantColour(bgr, r);
                out.addObjectsMeta(object(ts, colour, 1f, o.getBbox()).toBuilder()
                        .setInferenceId(INFERENCE_ID + ":" + (o.getInferenceId().isEmpty() ? i : o.getInferenceId())));
            }
            return out.build();
        }
        for (ColourAnalyser.Region region : ColourAnalyser.colourRegions(bgr)) {
            BBox box = region.box();
            out.addObjectsMeta(object(ts, region.colour(), region.fill(), io.skilldesigner.engine.grpc.proto.BBox
                    .newBuilder().setL(box.l()).setT(box.t()).setW(box.w()).setH(box.h()).build()));
        }
        return out.build();
    }

    private static ObjectMeta object(Timestamp ts, String colour, float confidence,
                                     io.skilldesigner.engine.grpc.proto.BBox box) {
        return ObjectMeta.newBuilder().setTimestamp(ts).setLabel(colour).setConfidence(confidence)
                .setInferenceId(INFERENCE_ID).setBbox(box)
                .addAttributes(ObjectMetaAttribute.newBuilder().setTimestamp(ts).setName("colour").setLabel(colour)
                        .setConfidence(confidence).setInferenceId(INFERENCE_ID))
                .build();
    }

    /** The box in pixels, clipped to the image. */
    private static Rect pixels(Mat m, io.skilldesigner.engine.grpc.proto.BBox b) {
        BBox c = new BBox(b.getL(), b.getT(), b.getW(), b.getH()).clamp();
        int x = Math.round(c.l() * m.cols());
        int y = Math.round(c.t() * m.rows());
        int w = Math.min(m.cols() - x, Math.round(c.w() * m.cols()));
        int h = Math.min(m.rows() - y, Math.round(c.h() * m.rows()));
        return new Rect(x, y, w, h);
    }
}
