package io.skilldesigner.engine.grpc;

import io.skilldesigner.engine.grpc.proto.HandshakeResponse;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;

/**
 * What a server asked for in its handshake. The handshake has no colour field: the client states the channel order
 * of each image it sends in {@code ImageProperties.color_format} (BGR unless configured otherwise, as KAN), and
 * reads the order of returned images from theirs.
 */
public record Negotiated(ImageType imageType, ProcessRequestType requestType, ProcessResponseType responseType) {
    /** Reads a handshake answer; enum values this protocol version does not define are an error. */
    public static Negotiated of(HandshakeResponse r) throws CustomNodeException {
        if (r.getImageType() == ImageType.UNRECOGNIZED || r.getProcessRequestType() == ProcessRequestType.UNRECOGNIZED
                || r.getProcessResponseType() == ProcessResponseType.UNRECOGNIZED) {
            throw new CustomNodeException("handshake answered values the protocol does not define: image_type "
                    + r.getImageTypeValue() + ", process_request_type " + r.getProcessRequestTypeValue()
                    + ", process_response_type " + r.getProcessResponseTypeValue());
        }
        return new Negotiated(r.getImageType(), r.getProcessRequestType(), r.getProcessResponseType());
    }

    public boolean sendsImage() {
        return requestType != ProcessRequestType.FRAME_WITHOUT_IMAGE;
    }

    public boolean returnsImage() {
        return responseType == ProcessResponseType.IMAGE_ONLY
                || responseType == ProcessResponseType.IMAGE_AND_INSIGHTS_META;
    }

    public boolean returnsInsights() {
        return responseType == ProcessResponseType.INSIGHTS_META_ONLY
                || responseType == ProcessResponseType.IMAGE_AND_INSIGHTS_META;
    }

    @Override
    public String toString() {
        return imageType + ", " + requestType + ", " + responseType;
    }
}
