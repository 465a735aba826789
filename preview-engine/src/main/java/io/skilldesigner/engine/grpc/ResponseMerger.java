package io.skilldesigner.engine.grpc;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.grpc.proto.ProcessResponse;

/**
 * Applies a server's answer to the frame by the response type it declared in the handshake: returned objects and
 * events are appended (as the KAN runtime does), a returned image replaces the frame's image downstream, EMPTY
 * changes nothing. All-or-nothing: a response with any invalid part changes nothing and throws.
 */
public final class ResponseMerger {
    private ResponseMerger() {
    }

    public static Frame merge(Frame frame, ProcessResponse response, Negotiated n) throws CustomNodeException {
        InsightsCodec.Insights insights = InsightsCodec.Insights.NONE;
        if (n.returnsInsights()) {
            insights = InsightsCodec.fromProto(response.getInsightsMeta(), frame.timestampMillis());
        }
        FrameImage image = null;
        if (n.returnsImage()) {
            if (!response.hasImage() || response.getImage().getImagePointer().isEmpty()) {
                throw new CustomNodeException("server declared " + n.responseType()
                        + " in its handshake but returned no image");
            }
            image = ImageCodec.decode(response.getImage());
        }
        Frame out = frame;
        if (image != null) {
            out = out.withImage(image);
        }
        if (!insights.objects().isEmpty()) {
            out = out.plusObjects(insights.objects());
        }
        if (!insights.events().isEmpty()) {
            out = out.plusEvents(insights.events());
        }
        return out;
    }
}
