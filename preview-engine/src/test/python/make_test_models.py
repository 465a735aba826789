#!/usr/bin/python3
"""Builds the small ONNX models the preview engine's tests and the demo workspace use.

Run with Debian's Python (apt: python3-onnx python3-numpy):
    /usr/bin/python3 preview-engine/src/test/python/make_test_models.py [output-dir]
The generated .onnx files are committed under preview-engine/src/test/resources/models/, so tests never need
Python. Every model is deterministic (fixed seeds), so re-running the script reproduces the same files.

The synthetic detectors find the ONE saturated-colour object in a frame without any learned weights:
    sat  = max(R,G,B) - min(R,G,B)           (per pixel, input scaled to 0..1)
    mask = sat > 0.5                          (grey letterbox padding, black, white: not masked)
    x1 = first masked column, x2 = last masked column + 1 (same for rows): done with ramps and ReduceMax
    objectness = max(mask)                    (0 when nothing is there: no detection)
    colour     = mean RGB over the mask       (pure red -> 1,0,0); class score = 0.9 * colour
so a pure red/green/blue square gives an exactly known box (in model-input pixels) and score 0.9. Each layout
then adds constant rows to exercise thresholds and class-wise NMS (see ROWS below and the Java tests).

Labels: test detectors red, green, blue; UltraFace-style background, face; grid model apple, banana;
colour classifiers red, green, blue, yellow; demo detector ball; demo classifier red, green, blue, yellow.
"""
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 13


class G:
    """Tiny graph builder: unique names, constants as initializers."""

    def __init__(self, name):
        self.name = name
        self.nodes = []
        self.inits = []
        self.n = 0

    def _id(self, p):
        self.n += 1
        return f"{p}_{self.n}"

    def const(self, value, dtype=np.float32):
        name = self._id("c")
        self.inits.append(numpy_helper.from_array(np.asarray(value, dtype=dtype), name))
        return name

    def op(self, op_type, inputs, out=None, **attrs):
        out = out or self._id(op_type.lower())
        self.nodes.append(helper.make_node(op_type, inputs, [out], **attrs))
        return out

    def model(self, inputs, outputs, hints=None):
        graph = helper.make_graph(self.nodes, self.name, inputs, outputs, self.inits)
        m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", OPSET)],
                              producer_name="skill-designer make_test_models.py")
        m.ir_version = 8
        if hints:  # pre-processing hints the engine's DecoderDefaults reads (sd.rgb, sd.scale, ...)
            onnx.helper.set_model_props(m, hints)
        onnx.checker.check_model(m)
        return m


def colour_object(g, x, size_h, size_w):
    """x: [1,3,H,W] RGB in 0..1. Returns dict of [1,1] tensors x1,y1,x2,y2,obj and colour [1,3]."""
    mx = g.op("ReduceMax", [x], axes=[1], keepdims=1)
    mn = g.op("ReduceMin", [x], axes=[1], keepdims=1)
    sat = g.op("Sub", [mx, mn])
    mask = g.op("Cast", [g.op("Greater", [sat, g.const(0.5)])], to=TensorProto.FLOAT)  # [1,1,H,W]
    cols = g.op("ReduceMax", [mask], axes=[1, 2], keepdims=0)  # [1,W]
    rows = g.op("ReduceMax", [mask], axes=[1, 3], keepdims=0)  # [1,H]

    def first_last(v, n):
        up = g.const(np.arange(1, n + 1, dtype=np.float32).reshape(1, n))
        down = g.const(np.arange(n, 0, -1, dtype=np.float32).reshape(1, n))
        last = g.op("ReduceMax", [g.op("Mul", [v, up])], axes=[1], keepdims=1)  # last index + 1
        first = g.op("Sub", [g.const([[float(n)]]), g.op("ReduceMax", [g.op("Mul", [v, down])], axes=[1],
                                                               keepdims=1)])
        return first, last

    x1, x2 = first_last(cols, size_w)
    y1, y2 = first_last(rows, size_h)
    obj = g.op("ReduceMax", [mask], axes=[1, 2, 3], keepdims=0)
    obj = g.op("Reshape", [obj, g.const([1, 1], np.int64)])
    weighted = g.op("ReduceSum", [g.op("Mul", [x, mask]), g.const([2, 3], np.int64)], keepdims=0)  # [1,3]
    count = g.op("ReduceSum", [mask, g.const([2, 3], np.int64)], keepdims=0)  # [1,1]
    colour = g.op("Div", [weighted, g.op("Add", [count, g.const(1e-6)])])
    return dict(x1=x1, y1=y1, x2=x2, y2=y2, obj=obj, colour=colour)


def cat(g, parts, axis=1):
    return g.op("Concat", parts, axis=axis)


def row(g, parts):
    """Concat [1,k] pieces into one [1,1,K] row."""
    return g.op("Unsqueeze", [cat(g, parts), g.const([1], np.int64)])


def crow(g, values):
    return g.const(np.asarray(values, dtype=np.float32).reshape(1, 1, -1))


def zero_rows(g, n, k):
    """Padding rows (all zero: score 0) so N exceeds the row width, as in real exports."""
    return g.const(np.zeros((1, n, k), dtype=np.float32))


def float_input(name, shape, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, shape)


def out_info(name, shape, elem=TensorProto.FLOAT):
    return helper.make_tensor_value_info(name, elem, shape)


def yolo_common(g, x, s):
    o = colour_object(g, x, s, s)
    w = g.op("Sub", [o["x2"], o["x1"]])
    h = g.op("Sub", [o["y2"], o["y1"]])
    cx = g.op("Add", [o["x1"], g.op("Mul", [w, g.const(0.5)])])
    cy = g.op("Add", [o["y1"], g.op("Mul", [h, g.const(0.5)])])
    cls = g.op("Mul", [o["colour"], g.const(0.9)])  # [1,3]
    return o, cx, cy, w, h, cls


# Constant rows shared by the YOLO-style test models (model-input pixels, 320x320 input):
#   A: green 0.6 at centre (40,40), 20x20            -> kept
#   B: blue 0.5, same box as A                        -> kept (class-wise NMS: other class)
#   C: blue 0.05 at (200,280), 10x10                  -> dropped by score threshold
# plus a DUP row: the coloured object shifted 4 px right, scores * 0.8 -> removed by NMS.
def yolov5(path):
    s = 320
    g = G("yolov5_test")
    o, cx, cy, w, h, cls = yolo_common(g, "images", s)
    true_row = row(g, [cx, cy, w, h, o["obj"], cls])
    dup_row = row(g, [g.op("Add", [cx, g.const([[4.0]])]), cy, w, h, g.op("Mul", [o["obj"], g.const(0.8)]), cls])
    out = cat(g, [true_row, dup_row,
                  crow(g, [40, 40, 20, 20, 1.0, 0, 0.6, 0]),
                  crow(g, [40, 40, 20, 20, 1.0, 0, 0, 0.5]),
                  crow(g, [200, 280, 10, 10, 0.05, 0, 0, 1.0]), zero_rows(g, 11, 8)], axis=1)
    g.op("Identity", [out], out="output0")
    return g.model([float_input("images", [1, 3, s, s])], [out_info("output0", [1, 16, 8])])


def yolov8(path):
    s = 320
    g = G("yolov8_test")
    o, cx, cy, w, h, cls = yolo_common(g, "images", s)
    sc = g.op("Mul", [cls, o["obj"]])
    true_row = row(g, [cx, cy, w, h, sc])
    dup_row = row(g, [g.op("Add", [cx, g.const([[4.0]])]), cy, w, h, g.op("Mul", [sc, g.const(0.8)])])
    rows = cat(g, [true_row, dup_row,
                   crow(g, [40, 40, 20, 20, 0, 0.6, 0]),
                   crow(g, [40, 40, 20, 20, 0, 0, 0.5]),
                   crow(g, [200, 280, 10, 10, 0, 0, 0.05]), zero_rows(g, 11, 7)], axis=1)  # [1,16,7]
    g.op("Transpose", [rows], out="output0", perm=[0, 2, 1])  # [1,7,16]
    return g.model([float_input("images", [1, 3, s, s])], [out_info("output0", [1, 7, 16])])


def nms_included(path):
    s = 320
    g = G("nms_included_test")
    o, cx, cy, w, h, cls = yolo_common(g, "images", s)
    score = g.op("Mul", [g.op("ReduceMax", [cls], axes=[1], keepdims=1), o["obj"]])
    klass = g.op("Cast", [g.op("ArgMax", [cls], axis=1, keepdims=1)], to=TensorProto.FLOAT)
    true_row = row(g, [o["x1"], o["y1"], o["x2"], o["y2"], score, klass])
    out = cat(g, [true_row,
                  crow(g, [30, 30, 50, 50, 0.6, 1]),
                  crow(g, [195, 275, 205, 285, 0.05, 2]), zero_rows(g, 7, 6)], axis=1)
    g.op("Identity", [out], out="output0")
    return g.model([float_input("images", [1, 3, s, s])], [out_info("output0", [1, 10, 6])])


def ssd(path):
    """TF-SSD style: uint8 NHWC input; boxes ymin,xmin,ymax,xmax normalised; only `count` rows are valid."""
    s = 300
    g = G("ssd_test")
    xf = g.op("Div", [g.op("Cast", ["image_tensor"], to=TensorProto.FLOAT), g.const(255.0)])
    x = g.op("Transpose", [xf], perm=[0, 3, 1, 2])
    o = colour_object(g, x, s, s)
    inv = g.const(1.0 / s)
    box = row(g, [g.op("Mul", [o["y1"], inv]), g.op("Mul", [o["x1"], inv]),
                  g.op("Mul", [o["y2"], inv]), g.op("Mul", [o["x2"], inv])])
    cls = g.op("Mul", [o["colour"], g.const(0.9)])
    score = g.op("Mul", [g.op("ReduceMax", [cls], axes=[1], keepdims=1), o["obj"]])
    klass = g.op("Cast", [g.op("ArgMax", [cls], axis=1, keepdims=1)], to=TensorProto.FLOAT)
    boxes = cat(g, [box, crow(g, [0.1, 0.1, 0.2, 0.3]), crow(g, [0.5, 0.5, 0.9, 0.9])], axis=1)
    g.op("Identity", [boxes], out="detection_boxes")
    g.op("Concat", [score, g.const([[0.7, 0.99]])], out="detection_scores", axis=1)
    g.op("Concat", [klass, g.const([[2.0, 1.0]])], out="detection_classes", axis=1)
    g.op("Identity", [g.const([2.0])], out="num_detections")  # the third row (0.99) must be ignored
    return g.model([float_input("image_tensor", [1, s, s, 3], TensorProto.UINT8)],
                   [out_info("detection_boxes", [1, 3, 4]), out_info("detection_scores", [1, 3]),
                    out_info("detection_classes", [1, 3]), out_info("num_detections", [1])])


def ultraface(path):
    """UltraFace style: input (p-127)/128 RGB [1,3,240,320]; scores [1,N,2]; boxes x1y1x2y2 normalised."""
    w_in, h_in = 320, 240
    g = G("ultraface_test")
    x = g.op("Div", [g.op("Add", [g.op("Mul", ["input", g.const(128.0)]), g.const(127.0)]), g.const(255.0)])
    o = colour_object(g, x, h_in, w_in)
    sx, sy = g.const(1.0 / w_in), g.const(1.0 / h_in)
    box = row(g, [g.op("Mul", [o["x1"], sx]), g.op("Mul", [o["y1"], sy]),
                  g.op("Mul", [o["x2"], sx]), g.op("Mul", [o["y2"], sy])])
    dup = row(g, [g.op("Mul", [g.op("Add", [o["x1"], g.const([[4.0]])]), sx]), g.op("Mul", [o["y1"], sy]),
                  g.op("Mul", [g.op("Add", [o["x2"], g.const([[4.0]])]), sx]), g.op("Mul", [o["y2"], sy])])
    face = g.op("Mul", [o["obj"], g.const(0.9)])
    face_dup = g.op("Mul", [o["obj"], g.const(0.8)])
    sc_true = row(g, [g.op("Sub", [g.const([[1.0]]), face]), face])
    sc_dup = row(g, [g.op("Sub", [g.const([[1.0]]), face_dup]), face_dup])
    g.op("Concat", [box, dup, crow(g, [0.05, 0.05, 0.15, 0.2]), crow(g, [0.6, 0.6, 0.7, 0.7])], out="boxes", axis=1)
    g.op("Concat", [sc_true, sc_dup, crow(g, [0.2, 0.8]), crow(g, [0.9, 0.1])], out="scores", axis=1)
    return g.model([float_input("input", [1, 3, h_in, w_in])],
                   [out_info("scores", [1, 4, 2]), out_info("boxes", [1, 4, 4])])


# Custom Vision / Tiny-YOLOv2 grid: 416 input, 13x13 grid, 5 anchors, 2 classes (apple, banana).
GRID_CELLS = [
    # (row, col, anchor, tx, ty, tw, th, objectness logit, class logits)
    (4, 6, 2, 0.0, 0.0, float(np.log(2.0)), 0.0, 2.0, (3.0, 0.0)),  # 0.8808*0.9526 = 0.8390 apple
    (4, 7, 2, 0.0, 0.0, float(np.log(2.0)), 0.0, 1.5, (3.0, 0.0)),  # overlaps the first: removed by NMS
    (10, 2, 0, 1.0, -1.0, 0.5, 0.2, 0.0, (0.0, 4.0)),               # 0.5*0.9820 = 0.4910 banana
    (8, 11, 1, 0.0, 0.0, 0.0, 0.0, -2.0, (0.0, 0.0)),               # 0.1192*0.5 = 0.0596 < 0.10: dropped
]


def yolo_grid(path):
    a, c, n = 5, 2, 13
    grid = np.zeros((1, a * (5 + c), n, n), dtype=np.float32)
    for k in range(a):
        grid[0, k * (5 + c) + 4] = -10.0  # objectness ~0 everywhere else
    for col in range(n):  # 26 small non-overlapping fillers, 0.2689*0.8808 = 0.2369 apple: max 20 cuts them
        for r in (0, 12):
            base = 0 * (5 + c)
            grid[0, base + 4, r, col] = -1.0
            grid[0, base + 5, r, col] = 2.0
    for (r, col, k, tx, ty, tw, th, obj, cls) in GRID_CELLS:
        base = k * (5 + c)
        grid[0, base:base + 7, r, col] = [tx, ty, tw, th, obj, cls[0], cls[1]]
    g = G("yolo_grid_test")
    zero = g.op("Mul", [g.op("ReduceMax", ["data"], axes=[1, 2, 3], keepdims=1), g.const(0.0)])  # keeps input used
    g.op("Add", [g.const(grid), zero], out="model_outputs0")
    return g.model([float_input("data", [1, 3, 416, 416])], [out_info("model_outputs0", [1, a * (5 + c), n, n])])


# Colour classifier: saturation-weighted mean colour, nearest of 4 prototype colours as logits:
#   logit_c = k * (2 x.p_c - |p_c|^2)  (= -k |x - p_c|^2 up to a per-image constant)
PROTOTYPES = np.array([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 0]], dtype=np.float32)  # red green blue yellow
K = 4.0
CLASSIFIER_HINTS = {"sd.rgb": "true", "sd.letterbox": "false", "sd.scale": str(1 / 255.0), "sd.mean": "0,0,0",
                    "sd.std": "1,1,1"}


def colour_logits(g, x):
    mx = g.op("ReduceMax", [x], axes=[1], keepdims=1)
    mn = g.op("ReduceMin", [x], axes=[1], keepdims=1)
    sat = g.op("Sub", [mx, mn])
    weighted = g.op("ReduceSum", [g.op("Mul", [x, sat]), g.const([2, 3], np.int64)], keepdims=0)
    total = g.op("ReduceSum", [sat, g.const([2, 3], np.int64)], keepdims=0)
    colour = g.op("Div", [weighted, g.op("Add", [total, g.const(1e-6)])])  # [1,3]
    wmat = g.const((2 * K * PROTOTYPES.T).astype(np.float32))  # [3,4]
    bias = g.const((-K * (PROTOTYPES ** 2).sum(axis=1)).reshape(1, 4).astype(np.float32))
    return g.op("Add", [g.op("MatMul", [colour, wmat]), bias])  # [1,4]


def classifier_logits(path):
    g = G("colour_classifier_logits")
    g.op("Identity", [colour_logits(g, "input")], out="logits")
    return g.model([float_input("input", [1, 3, 64, 64])], [out_info("logits", [1, 4])], CLASSIFIER_HINTS)


def classifier_nhwc_u8(path):
    g = G("colour_classifier_nhwc_u8")
    xf = g.op("Div", [g.op("Cast", ["input"], to=TensorProto.FLOAT), g.const(255.0)])
    probs = g.op("Softmax", [colour_logits(g, g.op("Transpose", [xf], perm=[0, 3, 1, 2]))], axis=1)
    g.op("Reshape", [probs, g.const([1, 4, 1, 1], np.int64)], out="probabilities")
    return g.model([float_input("input", [1, 64, 64, 3], TensorProto.UINT8)], [out_info("probabilities", [1, 4, 1, 1])],
                   dict(CLASSIFIER_HINTS, **{"sd.scale": "1"}))


def classifier_fp16(path):
    g = G("colour_classifier_fp16")
    x = g.op("Cast", ["input"], to=TensorProto.FLOAT)
    probs = g.op("Softmax", [colour_logits(g, x)], axis=1)
    g.op("Cast", [probs], out="probabilities", to=TensorProto.FLOAT16)
    return g.model([float_input("input", [1, 3, 64, 64], TensorProto.FLOAT16)],
                   [out_info("probabilities", [1, 4], TensorProto.FLOAT16)], CLASSIFIER_HINTS)


def demo_classifier(path):
    g = G("demo_colour_classifier")
    g.op("Softmax", [colour_logits(g, "input")], out="probabilities", axis=1)
    return g.model([float_input("input", [1, 3, 64, 64])], [out_info("probabilities", [1, 4])], CLASSIFIER_HINTS)


def classifier_batch(path):
    """The colour classifier with a dynamic batch dimension: every op works per sample, so a batch of n frames
    gives the n results one-frame runs give (cross-stream batching)."""
    g = G("colour_classifier_batch")
    g.op("Softmax", [colour_logits(g, "input")], out="probabilities", axis=1)
    return g.model([float_input("input", ["batch", 3, 64, 64])], [out_info("probabilities", ["batch", 4])],
                   CLASSIFIER_HINTS)


def demo_detector(path):
    """YOLOv8 layout [1,5,8], one class 'ball': the saturated object, then 7 empty rows."""
    s = 320
    g = G("demo_ball_detector")
    o, cx, cy, w, h, cls = yolo_common(g, "images", s)
    true_row = row(g, [cx, cy, w, h, o["obj"]])
    rows = cat(g, [true_row, g.const(np.zeros((1, 7, 5), dtype=np.float32))], axis=1)  # [1,8,5]
    g.op("Transpose", [rows], out="output0", perm=[0, 2, 1])
    return g.model([float_input("images", [1, 3, s, s])], [out_info("output0", [1, 5, 8])])


def bench_yolo640(path):
    """640x640 YOLOv5-shaped detector with realistic compute (~1.2 GFLOP of convs), random fixed weights."""
    rng = np.random.default_rng(42)
    g = G("bench_yolo640")
    x = "images"
    chans = [(3, 16, 2), (16, 32, 2), (32, 64, 2), (64, 64, 1)]
    for cin, cout, stride in chans:
        wgt = (rng.standard_normal((cout, cin, 3, 3)) * np.sqrt(2.0 / (cin * 9))).astype(np.float32)
        b = np.zeros(cout, dtype=np.float32)
        x = g.op("Conv", [x, g.const(wgt), g.const(b)], kernel_shape=[3, 3], strides=[stride, stride],
                 pads=[1, 1, 1, 1])
        x = g.op("Relu", [x])
    head_w = (rng.standard_normal((255, 64, 1, 1)) * 0.05).astype(np.float32)
    head_b = np.zeros(255, dtype=np.float32)
    for k in range(3):
        head_b[k * 85 + 4] = -6.0  # objectness mostly below threshold, as in a real scene
    x = g.op("Conv", [x, g.const(head_w), g.const(head_b)], kernel_shape=[1, 1])  # [1,255,80,80]
    x = g.op("Reshape", [x, g.const([1, 3, 85, 6400], np.int64)])
    x = g.op("Transpose", [x], perm=[0, 1, 3, 2])
    x = g.op("Reshape", [x, g.const([1, 19200, 85], np.int64)])
    sig = g.op("Sigmoid", [x])
    # boxes in pixels like a real export: cx,cy,w,h = sigmoid * 640
    scale = np.ones((1, 1, 85), dtype=np.float32)
    scale[0, 0, :4] = 640.0
    g.op("Mul", [sig, g.const(scale)], out="output0")
    return g.model([float_input("images", [1, 3, 640, 640])], [out_info("output0", [1, 19200, 85])])


def unknown_layout(path):
    """An output no decoder reads ([1,2,3]): loading it must fail with a clear 'unsupported layout'."""
    g = G("unknown_layout_test")
    zero = g.op("Mul", [g.op("ReduceMax", ["input"], keepdims=0), g.const(0.0)])  # scalar
    g.op("Add", [g.const(np.arange(6, dtype=np.float32).reshape(1, 2, 3)), zero], out="output")
    return g.model([float_input("input", [1, 3, 32, 32])], [out_info("output", [1, 2, 3])])


# --- Families without a small real model here: constant outputs that follow each family's published convention
# exactly (the values are what the real export would emit for the boxes the Java tests expect). The output is tied
# to the input by "+ 0 * max(input)" so the graph uses its input.

def tied(g, x, value, out, dtype=np.float32):
    zero = g.op("Mul", [g.op("ReduceMax", [x], keepdims=0), g.const(0.0)])
    if dtype == np.float32:
        return g.op("Add", [g.const(np.asarray(value, dtype=np.float32)), zero], out=out)
    summed = g.op("Add", [g.const(np.asarray(value, dtype=np.float32)), zero])
    return g.op("Cast", [summed], out=out, to=TensorProto.INT32)


def yolo_cells(w, h):
    return sum((w // s) * (h // s) for s in (8, 16, 32))


V8_ROWS = [  # cx, cy, w, h (input pixels), class scores (cat, dog)
    (7, [100, 120, 40, 60, 0.05, 0.80]),   # dog 0.8 at (80,90)-(120,150)
    (300, [10, 10, 40, 40, 0.60, 0.02]),   # cat 0.6 at the border: (-10,-10)-(30,30) clipped to (0,0)-(30,30)
    (900, [200, 200, 50, 50, 0.10, 0.0]),  # cat 0.1: below YOLO's usual 0.25
]


def yolov8_rows(n, size=320):
    """Every row a real candidate, as in a real export: the anchor point's cell as a box (scores 0.001), then the
    rows of V8_ROWS."""
    a = np.zeros((n, 6), dtype=np.float32)
    i = 0
    for s in (8, 16, 32):
        for row in range(size // s):
            for col in range(size // s):
                a[i] = [(col + 0.5) * s, (row + 0.5) * s, 2 * s, 2 * s, 0.001, 0.001]
                i += 1
    for i, r in V8_ROWS:
        a[i] = r
    return a


def yolov8_names(path, transposed=False, names=True):
    """Ultralytics YOLOv8/11 export: [1,4+C,N] (or transposed [1,N,4+C]), names in the metadata, dynamic batch."""
    g = G("yolov8_names_test")
    n = yolo_cells(320, 320)
    rows = yolov8_rows(n)
    value = rows.reshape(1, n, 6) if transposed else rows.T.reshape(1, 6, n)
    tied(g, "images", value, "output0")
    hints = {"names": "{0: 'cat', 1: 'dog'}", "description": "Ultralytics YOLOv8n model", "stride": "32"} \
        if names else None
    shape = ["batch", n, 6] if transposed else ["batch", 6, n]
    return g.model([float_input("images", ["batch", 3, 320, 320])], [out_info("output0", shape)], hints)


def nms7(path, empty=False):
    """YOLOv7 end-to-end for ONNX Runtime: [N,7] rows batch, x1, y1, x2, y2, class, score (input pixels)."""
    g = G("nms7_test")
    rows = np.zeros((0, 7), dtype=np.float32) if empty else np.asarray(
        [[0, 50, 60, 150, 200, 1, 0.9], [0, 300, 300, 330, 340, 0, 0.4]], dtype=np.float32)
    tied(g, "images", rows, "output")
    return g.model([float_input("images", [1, 3, 640, 640])], [out_info("output", ["N", 7])],
                   {"names": "['person', 'car']"})


def efficient_nms(path):
    """TensorRT EfficientNMS style: num_dets [1,1], det_boxes [1,K,4] (x1,y1,x2,y2 pixels), det_scores, det_classes;
    only the first num_dets rows are valid (row 2 is stale and must be ignored)."""
    g = G("efficient_nms_test")
    boxes = np.zeros((1, 10, 4), dtype=np.float32)
    boxes[0, 0] = [10, 20, 110, 220]
    boxes[0, 1] = [400, 400, 640, 640]  # at the bottom-right border
    boxes[0, 2] = [0, 0, 50, 50]
    scores = np.zeros((1, 10), dtype=np.float32)
    scores[0, :3] = [0.95, 0.5, 0.99]
    classes = np.zeros((1, 10), dtype=np.float32)
    classes[0, :3] = [2, 0, 1]
    tied(g, "images", [[2]], "num_dets", np.int32)
    tied(g, "images", boxes, "det_boxes")
    tied(g, "images", scores, "det_scores")
    tied(g, "images", classes, "det_classes", np.int32)
    return g.model([float_input("images", [1, 3, 640, 640])],
                   [out_info("num_dets", [1, 1], TensorProto.INT32), out_info("det_boxes", [1, 10, 4]),
                    out_info("det_scores", [1, 10]), out_info("det_classes", [1, 10], TensorProto.INT32)],
                   {"names": "['person', 'bicycle', 'car']"})


def fastestdet(path):
    """FastestDet: one stride-16 grid [1, 1+4+80, 22, 22] for 352x352: sigmoid objectness, raw box (tanh offsets,
    sigmoid sizes), softmax classes. One object: cell (row 5, col 7), class 3 'motorcycle', obj 0.9, p 0.9."""
    g = G("fastestdet_test")
    gh = gw = 22
    a = np.zeros((1, 85, gh, gw), dtype=np.float32)
    a[0, 5:, :, :] = 1.0 / 80  # softmax of equal logits
    a[0, 0, 5, 7] = 0.9
    a[0, 1, 5, 7] = np.arctanh(0.5)  # cx = (0.5 + 7) / 22
    a[0, 2, 5, 7] = 0.0              # cy = (0 + 5) / 22
    a[0, 3, 5, 7] = 0.0              # w = sigmoid(0) = 0.5 of the input
    a[0, 4, 5, 7] = np.log(0.25 / 0.75)  # h = 0.25 of the input
    a[0, 5:, 5, 7] = 0.1 / 79
    a[0, 5 + 3, 5, 7] = 0.9
    tied(g, "images", a, "output")
    return g.model([float_input("images", [1, 3, 352, 352])], [out_info("output", [1, 85, gh, gw])])


def ultraface3(path):
    """Decoded UltraFace with three classes (background, face, masked_face): scores [1,4420,3], boxes [1,4420,4]
    corners in 0..1. Every row has a small valid box (as the real decoded export does); row 9 is a masked face."""
    g = G("ultraface3_test")
    n = 4420
    scores = np.tile(np.asarray([0.98, 0.01, 0.01], dtype=np.float32), (1, n, 1))
    boxes = np.tile(np.asarray([0.40, 0.40, 0.45, 0.46], dtype=np.float32), (1, n, 1))
    scores[0, 9] = [0.05, 0.1, 0.85]
    boxes[0, 9] = [0.25, 0.25, 0.5, 0.75]
    tied(g, "input", scores, "scores")
    tied(g, "input", boxes, "boxes")
    return g.model([float_input("input", [1, 3, 240, 320])], [out_info("scores", [1, n, 3]),
                                                                out_info("boxes", [1, n, 4])])


MODELS = {
    "yolov5_test.onnx": yolov5,
    "yolov8_test.onnx": yolov8,
    "nms_included_test.onnx": nms_included,
    "ssd_test.onnx": ssd,
    "ultraface_test.onnx": ultraface,
    "yolo_grid_test.onnx": yolo_grid,
    "colour_classifier_logits.onnx": classifier_logits,
    "colour_classifier_nhwc_u8.onnx": classifier_nhwc_u8,
    "colour_classifier_fp16.onnx": classifier_fp16,
    "demo_ball_detector.onnx": demo_detector,
    "demo_colour_classifier.onnx": demo_classifier,
    "colour_classifier_batch_test.onnx": classifier_batch,
    "bench_yolo640.onnx": bench_yolo640,
    "unknown_layout_test.onnx": unknown_layout,
    "yolov8_names_test.onnx": yolov8_names,
    "yolov8_transposed_test.onnx": lambda p: yolov8_names(p, transposed=True),
    "yolov8_transposed_nonames_test.onnx": lambda p: yolov8_names(p, transposed=True, names=False),
    "nms7_test.onnx": nms7,
    "nms7_empty_test.onnx": lambda p: nms7(p, empty=True),
    "efficient_nms_test.onnx": efficient_nms,
    "fastestdet_test.onnx": fastestdet,
    "ultraface3_test.onnx": ultraface3,
}

LABELS = {
    "rgb_labels.txt": ["red", "green", "blue"],
    "colour_labels.txt": ["red", "green", "blue", "yellow"],
    "grid_labels.txt": ["apple", "banana"],
    "face_labels.txt": ["background", "face"],
    "ball_labels.txt": ["ball"],
    "mask_labels.txt": ["background", "face", "masked_face"],
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "resources", "models")
    os.makedirs(out_dir, exist_ok=True)
    for name, build in MODELS.items():
        path = os.path.join(out_dir, name)
        onnx.save(build(path), path)
        print(f"{name}: {os.path.getsize(path)} bytes")
    for name, labels in LABELS.items():
        with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
            f.write("\n".join(labels) + "\n")


if __name__ == "__main__":
    main()
