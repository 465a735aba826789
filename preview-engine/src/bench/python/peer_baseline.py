#!/usr/bin/python3
"""The loop a Python user writes instead of the engine: OpenCV decode, letterbox, inference, numpy decode + NMS.

ONNX Runtime for Python is not installable here (not in Debian; PyPI unreachable), so inference runs through
OpenCV's DNN module (cv2.dnn.readNetFromONNX, CPU), which is what remains for a Debian-only Python user.
Model: YOLOX-Nano 416 (../shared/models/yolox), decoded as in ../shared/models/MANIFEST.md.

Usage: peer_baseline.py [--frames 40] [--rounds 3] [--threads N] [--video V] [--model M]
Prints fps of the whole loop (pre + inference + decode/NMS) and of inference alone, per round.
"""
import argparse
import time

import cv2
import numpy as np

SIZE = 416


def letterbox(img):
    r = min(SIZE / img.shape[1], SIZE / img.shape[0])
    resized = cv2.resize(img, (int(img.shape[1] * r), int(img.shape[0] * r)), interpolation=cv2.INTER_LINEAR)
    padded = np.full((SIZE, SIZE, 3), 114, dtype=np.uint8)
    padded[:resized.shape[0], :resized.shape[1]] = resized
    blob = padded.transpose(2, 0, 1)[None].astype(np.float32)  # BGR, 0-255, NCHW
    return blob, r


GRIDS = None


def grids():
    global GRIDS
    if GRIDS is None:
        xs, ss = [], []
        for s in (8, 16, 32):
            n = SIZE // s
            yv, xv = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
            xs.append(np.stack((xv, yv), 2).reshape(-1, 2))
            ss.append(np.full((n * n, 1), s))
        GRIDS = (np.concatenate(xs).astype(np.float32), np.concatenate(ss).astype(np.float32))
    return GRIDS


def decode(out, r, thr=0.3, iou=0.45):
    out = out.reshape(-1, 85)
    g, s = grids()
    xy = (out[:, :2] + g) * s
    wh = np.exp(out[:, 2:4]) * s
    cls = out[:, 5:].argmax(1)
    score = out[:, 4] * out[np.arange(len(out)), 5 + cls]
    keep = score > thr
    xy, wh, cls, score = xy[keep], wh[keep], cls[keep], score[keep]
    boxes = np.concatenate((xy - wh / 2, wh), 1) / r
    result = []
    for c in np.unique(cls):
        m = cls == c
        idx = cv2.dnn.NMSBoxes(boxes[m].tolist(), score[m].tolist(), thr, iou)
        for i in np.array(idx).reshape(-1):
            result.append((int(c), float(score[m][i]), boxes[m][i]))
    return result


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--frames", type=int, default=40)
    p.add_argument("--rounds", type=int, default=3)
    p.add_argument("--threads", type=int, default=0)
    p.add_argument("--video", default="../shared/media/video/one-by-one-person-detection.mp4")
    p.add_argument("--model", default="../shared/models/yolox/yolox-nano-416.onnx")
    a = p.parse_args()
    if a.threads:
        cv2.setNumThreads(a.threads)
    cap = cv2.VideoCapture(a.video)
    frames = []
    while len(frames) < a.frames:
        ok, f = cap.read()
        if not ok:
            break
        frames.append(f)
    net = cv2.dnn.readNetFromONNX(a.model)
    net.setPreferableBackend(cv2.dnn.DNN_BACKEND_OPENCV)
    blobs = [letterbox(f) for f in frames]
    for b, _ in blobs[:3]:
        net.setInput(b)
        net.forward()
    for rnd in range(a.rounds):
        t0 = time.perf_counter()
        for b, _ in blobs:
            net.setInput(b)
            net.forward()
        t1 = time.perf_counter()
        found = 0
        for f in frames:
            b, r = letterbox(f)
            net.setInput(b)
            found += len(decode(net.forward(), r))
        t2 = time.perf_counter()
        print("round %d: inference only %.2f fps, whole loop %.2f fps (%d detections)"
              % (rnd + 1, len(blobs) / (t1 - t0), len(frames) / (t2 - t1), found))
    print("python %s, opencv %s, threads %d, %d frames %dx%d" % (
        __import__("sys").version.split()[0], cv2.__version__, cv2.getNumThreads(), len(frames),
        frames[0].shape[1], frames[0].shape[0]))


if __name__ == "__main__":
    main()
