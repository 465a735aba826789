#!/usr/bin/python3
"""The loop a Python user writes instead of the engine: OpenCV decode, resize or letterbox with OpenCV and numpy,
onnxruntime's InferenceSession.run, numpy decoding and OpenCV's NMS, one frame after the other.

Inference runs on ONNX Runtime: the onnxruntime package when it is installed, otherwise the same native library
the engine uses (from the onnxruntime jar in ~/.m2, or $ORT_LIBRARY) through ort_ctypes, which offers the same
InferenceSession API (the wheel cannot be installed here: not in Debian, PyPI unreachable). `--runtime opencv-dnn`
runs the model on OpenCV's DNN module instead (what a Debian-only user has).

Models (pre-processing and decoding as ../shared/models/MANIFEST.md says, the same the engine proposes for them):
yolox-nano-416, squeezenet1.1-fp32 / -fp16, UltraFace version-RFB-320 / -640, RetinaFace FaceDetector.

Usage: peer_baseline.py --model M [--frames 40] [--rounds 3] [--threads N] [--video V]
       peer_baseline.py --model M --check IMAGE   (prints what the loop finds on one picture, as JSON)
       peer_baseline.py --model M --serve ...     (one round per "round" line on stdin: `bench --peer`)
Prints, per round, fps of the whole loop (pre + inference + decoding) and of inference alone on ready inputs;
the last line is a JSON summary (means over the rounds).
"""
import argparse
import json
import os
import sys
import time

import cv2
import numpy as np


def load_runtime(name):
    if name == "opencv-dnn":
        return None, "opencv-dnn " + cv2.__version__
    try:
        import onnxruntime as ort
        return ort, "onnxruntime (Python package) " + ort.__version__
    except ImportError:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import ort_ctypes as ort
        return ort, "onnxruntime %s through its C API (ort_ctypes; the Python package is not installed)" % (
            ort.get_version_string())


class Session:
    """model(blob) -> list of outputs, on onnxruntime or OpenCV DNN."""

    def __init__(self, ort, path, threads):
        self.ort = ort
        if ort is None:
            if threads:
                cv2.setNumThreads(threads)
            self.net = cv2.dnn.readNetFromONNX(path)
            self.net.setPreferableBackend(cv2.dnn.DNN_BACKEND_OPENCV)
            self.names = self.net.getUnconnectedOutLayersNames()
            return
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads
        options.inter_op_num_threads = 1
        self.session = ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])
        self.input = self.session.get_inputs()[0].name
        self.outputs = [o.name for o in self.session.get_outputs()]

    def __call__(self, blob):
        if self.ort is None:
            self.net.setInput(blob)
            return list(self.net.forward(self.names))
        return self.session.run(None, {self.input: blob})

    def output(self, results, name, index):
        """An output by name (onnxruntime) or position (OpenCV DNN orders outputs its own way)."""
        if self.ort is None:
            return results[index]
        return results[self.outputs.index(name)]


def nms(boxes_xywh, scores, threshold, iou, limit):
    idx = cv2.dnn.NMSBoxes(boxes_xywh.tolist(), scores.tolist(), threshold, iou)
    return np.array(idx, dtype=np.int64).reshape(-1)[:limit]


class Yolox:
    size = 416

    def __init__(self):
        xs, ss = [], []
        for s in (8, 16, 32):
            n = self.size // s
            yv, xv = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
            xs.append(np.stack((xv, yv), 2).reshape(-1, 2))
            ss.append(np.full((n * n, 1), s))
        self.grid = np.concatenate(xs).astype(np.float32)
        self.stride = np.concatenate(ss).astype(np.float32)

    def prepare(self, img):
        r = min(self.size / img.shape[1], self.size / img.shape[0])
        resized = cv2.resize(img, (round(img.shape[1] * r), round(img.shape[0] * r)), interpolation=cv2.INTER_LINEAR)
        padded = np.full((self.size, self.size, 3), 114, dtype=np.uint8)
        padded[:resized.shape[0], :resized.shape[1]] = resized
        return np.ascontiguousarray(padded.transpose(2, 0, 1)[None], dtype=np.float32), (r, img.shape)

    def decode(self, session, results, meta, thr=0.3, iou=0.45):
        r, _ = meta
        out = session.output(results, "output", 0).reshape(-1, 85)
        cls = out[:, 5:].argmax(1)
        score = out[:, 4] * out[np.arange(len(out)), 5 + cls]
        keep = score > thr
        out, cls, score = out[keep], cls[keep], score[keep]
        xy = (out[:, :2] + self.grid[keep]) * self.stride[keep]
        wh = np.exp(out[:, 2:4]) * self.stride[keep]
        boxes = np.concatenate((xy - wh / 2, wh), 1) / r
        found = []
        for c in np.unique(cls):
            m = np.nonzero(cls == c)[0]
            for i in nms(boxes[m], score[m], thr, iou, 100):
                found.append(("class %d" % c, float(score[m][i]), boxes[m][i]))
        return found


class Classifier:
    """SqueezeNet 1.1 (Caffe2 export): BGR 0-255 stretched to 224x224, probabilities out; top 5."""
    size = 224

    def __init__(self, dtype):
        self.dtype = dtype

    def prepare(self, img):
        resized = cv2.resize(img, (self.size, self.size), interpolation=cv2.INTER_LINEAR)
        return np.ascontiguousarray(resized.transpose(2, 0, 1)[None], dtype=self.dtype), None

    def decode(self, session, results, meta):
        p = session.output(results, "softmaxout_1", 0).reshape(-1).astype(np.float32)
        top = np.argpartition(-p, 5)[:5]
        top = top[np.argsort(-p[top])]
        return [("class %d" % i, float(p[i]), None) for i in top]


def prior_boxes(width, height, levels):
    """SSD priors (cx, cy, w, h) normalised, in order level, row, column, size."""
    priors = []
    for step, fm_w, fm_h, sizes in levels:
        for row in range(fm_h):
            for col in range(fm_w):
                for s in sizes:
                    priors.append(((col + 0.5) / fm_w, (row + 0.5) / fm_h, s / width, s / height))
    return np.clip(np.array(priors, dtype=np.float32), 0, 1)


class UltraFace:
    """RGB, (p - 127) / 128, stretched; boxes already decoded corners in 0..1; score > 0.7, NMS 0.3."""

    def __init__(self, width, height):
        self.width, self.height = width, height

    def prepare(self, img):
        rgb = cv2.cvtColor(cv2.resize(img, (self.width, self.height), interpolation=cv2.INTER_LINEAR),
                           cv2.COLOR_BGR2RGB)
        blob = (rgb.astype(np.float32) - 127.0) / 128.0
        return np.ascontiguousarray(blob.transpose(2, 0, 1)[None]), img.shape

    def decode(self, session, results, shape, thr=0.7, iou=0.3):
        scores = session.output(results, "scores", 0).reshape(-1, 2)[:, 1]
        boxes = session.output(results, "boxes", 1).reshape(-1, 4)
        keep = scores > thr
        scores, boxes = scores[keep], boxes[keep] * np.array([shape[1], shape[0], shape[1], shape[0]], np.float32)
        xywh = np.concatenate((boxes[:, :2], boxes[:, 2:] - boxes[:, :2]), 1)
        return [("face", float(scores[i]), xywh[i]) for i in nms(xywh, scores, thr, iou, 200)]


class RetinaFace:
    """BGR minus (104, 117, 123), stretched to 640x640; raw SSD head decoded against 16800 priors."""
    size = 640

    def __init__(self):
        levels = [(s, self.size // s, self.size // s, sizes) for s, sizes in ((8, (16, 32)), (16, (64, 128)),
                                                                                (32, (256, 512)))]
        self.priors = prior_boxes(self.size, self.size, levels)
        self.mean = np.array([104, 117, 123], dtype=np.float32)

    def prepare(self, img):
        resized = cv2.resize(img, (self.size, self.size), interpolation=cv2.INTER_LINEAR)
        blob = resized.astype(np.float32) - self.mean
        return np.ascontiguousarray(blob.transpose(2, 0, 1)[None]), img.shape

    def decode(self, session, results, shape, thr=0.6, iou=0.4):
        loc = session.output(results, "output0", 0).reshape(-1, 4)
        scores = session.output(results, "output1", 1).reshape(-1, 2)[:, 1]
        keep = scores > thr
        loc, scores, p = loc[keep], scores[keep], self.priors[keep]
        centre = p[:, :2] + loc[:, :2] * 0.1 * p[:, 2:]
        size = p[:, 2:] * np.exp(loc[:, 2:] * 0.2)
        xy = np.clip(centre - size / 2, 0, 1) * np.array([shape[1], shape[0]], np.float32)
        xy2 = np.clip(centre + size / 2, 0, 1) * np.array([shape[1], shape[0]], np.float32)
        xywh = np.concatenate((xy, xy2 - xy), 1)
        return [("face", float(scores[i]), xywh[i]) for i in nms(xywh, scores, thr, iou, 200)]


def family(model):
    name = os.path.basename(model).lower()
    if "yolox" in name:
        return Yolox()
    if "squeezenet" in name:
        return Classifier(np.float16 if "fp16" in name else np.float32)
    if "rfb-640" in name:
        return UltraFace(640, 480)
    if "rfb-320" in name:
        return UltraFace(320, 240)
    if "facedetector" in name or "retinaface" in name:
        return RetinaFace()
    raise SystemExit("peer_baseline: no Python loop for %s (yolox, squeezenet, UltraFace RFB-320/640, RetinaFace)"
                     % model)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", default="../shared/models/yolox/yolox-nano-416.onnx")
    p.add_argument("--frames", type=int, default=40)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=0, help="intra-op threads (0 = ONNX Runtime's default)")
    p.add_argument("--video", default="../shared/media/video/one-by-one-person-detection.mp4")
    p.add_argument("--runtime", choices=("onnxruntime", "opencv-dnn"), default="onnxruntime")
    p.add_argument("--check", metavar="IMAGE", help="print what the loop finds on one picture and exit")
    p.add_argument("--serve", action="store_true", help="after warm-up print 'ready', then run one round per"
                   " 'round' line on stdin and print its figures as 'round {json}'")
    a = p.parse_args()
    ort, runtime = load_runtime(a.runtime)
    model = family(a.model)
    session = Session(ort, a.model, a.threads)
    if a.check:
        img = cv2.imread(a.check)
        if img is None:
            raise SystemExit("peer_baseline: cannot read " + a.check)
        blob, meta = model.prepare(img)
        found = model.decode(session, session(blob), meta)
        print(json.dumps([{"label": l, "confidence": round(c, 3),
                           "box": None if b is None else [round(float(b[0]), 1), round(float(b[1]), 1),
                                                          round(float(b[0] + b[2]), 1), round(float(b[1] + b[3]), 1)]}
                          for l, c, b in found]))
        return
    cap = cv2.VideoCapture(a.video)
    frames = []
    while len(frames) < a.frames:
        ok, f = cap.read()
        if not ok:
            break
        frames.append(f)
    if not frames:
        raise SystemExit("peer_baseline: no frames in " + a.video)
    blobs = [model.prepare(f)[0] for f in frames]
    for f in frames[:3]:  # warm-up: arenas, first-run allocations
        blob, meta = model.prepare(f)
        model.decode(session, session(blob), meta)
    def one_round():
        t0 = time.perf_counter()
        for b in blobs:
            session(b)
        t1 = time.perf_counter()
        found = 0
        for f in frames:
            blob, meta = model.prepare(f)
            found += len(model.decode(session, session(blob), meta))
        t2 = time.perf_counter()
        return {"fps": len(frames) / (t2 - t1), "inference_fps": len(blobs) / (t1 - t0), "results": found}

    about = "python %s, opencv %s, numpy %s, %s, intra-op threads %s, %d frames %dx%d" % (
        sys.version.split()[0], cv2.__version__, np.__version__, runtime, a.threads or "default", len(frames),
        frames[0].shape[1], frames[0].shape[0])
    if a.serve:  # bench --peer: one round per "round" line on stdin, so that its rounds alternate with the engine's
        print("ready " + json.dumps({"about": about}), flush=True)
        for line in sys.stdin:
            if line.strip() == "round":
                print("round " + json.dumps(one_round()), flush=True)
        return
    rounds = []
    for rnd in range(a.rounds):
        rounds.append(one_round())
        print("round %d: inference only %.2f fps, whole loop %.2f fps (%d results)"
              % (rnd + 1, rounds[-1]["inference_fps"], rounds[-1]["fps"], rounds[-1]["results"]))
    print(about)
    print("peer " + json.dumps({"model": os.path.basename(a.model),
                                "fps": sum(r["fps"] for r in rounds) / len(rounds),
                                "inference_fps": sum(r["inference_fps"] for r in rounds) / len(rounds),
                                "runtime": runtime, "frames": len(frames), "rounds": a.rounds}))

if __name__ == "__main__":
    main()
