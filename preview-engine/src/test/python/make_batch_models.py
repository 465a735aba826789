#!/usr/bin/python3
"""Makes a dynamic-batch copy of a real ONNX model whose batch dimension is fixed at 1.

Run with Debian's Python (apt: python3-onnx):
    /usr/bin/python3 preview-engine/src/test/python/make_batch_models.py SOURCE.onnx OUT.onnx
The tests and the streams benchmark call it to write copies of ../shared/models into target/ (never committed:
they are as large as the real models). What it does, and prints:
  * the first dimension of every graph input and output that is 1 becomes the symbolic "batch";
  * a Reshape whose target shape is a constant starting with 1 (batch 1 baked in) gets 0 there instead, which
    ONNX defines as "copy this dimension from the input", i.e. the batch;
  * shapes inferred for batch 1 (graph.value_info) are dropped, so nothing else claims batch 1;
then checks the result with onnx.checker and strict shape inference, and refuses (exit 1) when an output's
inferred first dimension is still fixed. Whether batch-N outputs equal N single runs is checked by running it
in ONNX Runtime (RealModelBatchingTest), since Debian has no onnxruntime for Python.
"""
import sys

import numpy as np
import onnx
from onnx import numpy_helper

BATCH = "batch"


def constant_values(graph):
    """name -> (numpy value, setter) for initializers and Constant nodes."""
    out = {}
    for init in graph.initializer:
        out[init.name] = (numpy_helper.to_array(init), init)
    for node in graph.node:
        if node.op_type == "Constant" and node.attribute and node.attribute[0].name == "value":
            out[node.output[0]] = (numpy_helper.to_array(node.attribute[0].t), node.attribute[0].t)
    return out


def make_dynamic(model):
    graph = model.graph
    changes = []
    initializer_names = {i.name for i in graph.initializer}
    for value in list(graph.input) + list(graph.output):
        if value.name in initializer_names:
            continue  # old exports list weights as inputs too
        dims = value.type.tensor_type.shape.dim
        if dims and dims[0].HasField("dim_value") and dims[0].dim_value == 1:
            dims[0].dim_param = BATCH
            changes.append(f"{value.name}: first dimension 1 -> {BATCH}")
    consts = constant_values(graph)
    users = {}
    for node in graph.node:
        for name in node.input:
            users[name] = users.get(name, 0) + 1
    for node in graph.node:
        if node.op_type != "Reshape" or node.input[1] not in consts:
            continue
        shape, holder = consts[node.input[1]]
        if shape.ndim != 1 or shape.size == 0 or shape[0] != 1:
            continue
        fixed = shape.copy()
        fixed[0] = 0
        if users[node.input[1]] > 1:  # shared constant: give this Reshape its own
            name = node.input[1] + "_batch"
            graph.initializer.append(numpy_helper.from_array(fixed.astype(shape.dtype), name))
            node.input[1] = name
        else:
            holder.CopyFrom(numpy_helper.from_array(fixed.astype(shape.dtype), holder.name))
        changes.append(f"Reshape {node.name or node.output[0]}: shape {shape.tolist()} -> {fixed.tolist()}")
    del graph.value_info[:]
    return changes


def check(model):
    onnx.checker.check_model(model)
    inferred = onnx.shape_inference.infer_shapes(model, strict_mode=True)
    for out in inferred.graph.output:
        dims = out.type.tensor_type.shape.dim
        if dims and dims[0].HasField("dim_value"):
            raise SystemExit(f"output {out.name} keeps a fixed first dimension {dims[0].dim_value}: not batchable")


def main(argv):
    if len(argv) != 3:
        raise SystemExit("usage: make_batch_models.py SOURCE.onnx OUT.onnx")
    model = onnx.load(argv[1])
    changes = make_dynamic(model)
    if not changes:
        raise SystemExit(f"{argv[1]}: no batch dimension of 1 found: nothing to make dynamic")
    check(model)
    model.producer_name = (model.producer_name + " + skill-designer make_batch_models.py").strip()
    onnx.save(model, argv[2])
    for c in changes:
        print(c)
    print(f"wrote {argv[2]}")


if __name__ == "__main__":
    main(sys.argv)
