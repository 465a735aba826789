"""A custom node written the way KAN users write them: Python grpcio + numpy, stubs from custom_node.proto.

Asks for raw NUMPY frames with insights-only answers, finds pure-red pixels and returns their bounding box as a
"red" object, plus a "handshake" event echoing the ids of the latest handshake and the frame's id and datetime.
Run: python3 kan_style_server.py --port 0   (prints "listening on 127.0.0.1:PORT")
"""
import argparse
from concurrent import futures

import grpc
import numpy as np

import custom_node_pb2 as pb


class Node:
    def __init__(self):
        self.handshake_request = None

    def handshake(self, request, context):
        self.handshake_request = request
        return pb.HandshakeResponse(ack=request.seq, image_type=pb.IMAGE_TYPE_NUMPY,
                                    process_request_type=pb.FRAME_WITH_IMAGE,
                                    process_response_type=pb.INSIGHTS_META_ONLY)

    def process(self, request, context):
        image = request.frame.image
        h, w = image.properties.height, image.properties.width
        pixels = np.frombuffer(image.image_pointer, np.uint8).reshape(h, w, 3)
        if image.properties.color_format == pb.COLOR_FORMAT_RGB:
            pixels = pixels[:, :, ::-1]
        b = pixels[:, :, 0].astype(int)
        g = pixels[:, :, 1].astype(int)
        r = pixels[:, :, 2].astype(int)
        ys, xs = np.nonzero((r > 200) & (g < 80) & (b < 80))
        meta = pb.InsightsMeta()
        if len(xs):
            meta.objects_meta.add(label="red", confidence=1.0, bbox=pb.BBox(
                l=float(xs.min()) / w, t=float(ys.min()) / h,
                w=float(xs.max() - xs.min() + 1) / w, h=float(ys.max() - ys.min() + 1) / h))
        event = meta.events_meta.add(type="handshake", event_id=request.frame.frame_id)
        hs = self.handshake_request
        event.properties["instance_id"] = hs.instance_id if hs else ""
        event.properties["skill_id"] = hs.skill_id if hs else ""
        event.properties["device_id"] = hs.device_id if hs else ""
        event.properties["datetime"] = request.frame.datetime
        event.properties["objects_in"] = str(len(request.frame.insights_meta.objects_meta))
        return pb.ProcessResponse(ack=request.seq, insights_meta=meta)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=50051)
    args = parser.parse_args()
    node = Node()
    handlers = grpc.method_handlers_generic_handler("custom_node.CustomNodeHandler", {
        "Handshake": grpc.unary_unary_rpc_method_handler(
            node.handshake, request_deserializer=pb.HandshakeRequest.FromString,
            response_serializer=pb.HandshakeResponse.SerializeToString),
        "Process": grpc.unary_unary_rpc_method_handler(
            node.process, request_deserializer=pb.ProcessRequest.FromString,
            response_serializer=pb.ProcessResponse.SerializeToString),
    })
    server = grpc.server(futures.ThreadPoolExecutor(max_workers=2),
                         options=[("grpc.max_receive_message_length", 64 << 20)])
    server.add_generic_rpc_handlers((handlers,))
    port = server.add_insecure_port("127.0.0.1:%d" % args.port)
    server.start()
    print("listening on 127.0.0.1:%d" % port, flush=True)
    server.wait_for_termination()


if __name__ == "__main__":
    main()
