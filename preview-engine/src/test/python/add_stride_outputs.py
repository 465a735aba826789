#!/usr/bin/python3
"""Copies a real YOLOX/YOLOv5-style ONNX model and adds its raw per-stride heads as extra graph outputs.

Run with Debian's Python (apt: python3-onnx):
    /usr/bin/python3 preview-engine/src/test/python/add_stride_outputs.py SOURCE.onnx OUT.onnx
Older YOLOv5 and YOLOX exports ship these heads as outputs beside the decoded one; the engine's single-head
decoders read only the first output, so the runner must not fetch the others. What it does: the first output is
made by a Transpose of a Concat of Reshapes (one per stride); each Reshape's data input ([1, 5+C, H, W]) becomes
a graph output after the first, shapes from ONNX shape inference. The weights and the first output are untouched.
"""
import sys

import onnx
from onnx import shape_inference


def main(source, out):
    model = onnx.load(source)
    graph = model.graph
    producers = {o: n for n in graph.node for o in n.output}
    node = producers[graph.output[0].name]
    while node.op_type != "Concat":
        node = producers[node.input[0]]
    heads = [producers[i].input[0] for i in node.input if producers[i].op_type == "Reshape"]
    if len(heads) < 2:
        sys.exit(f"expected a Concat of per-stride Reshapes before {graph.output[0].name}, found {node.input}")
    inferred = {v.name: v for v in shape_inference.infer_shapes(model).graph.value_info}
    for name in heads:
        graph.output.append(inferred[name])
        dims = [d.dim_value for d in inferred[name].type.tensor_type.shape.dim]
        print(f"added output {name} {dims}")
    onnx.checker.check_model(model)
    onnx.save(model, out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
