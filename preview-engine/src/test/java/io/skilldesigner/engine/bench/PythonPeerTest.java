package io.skilldesigner.engine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The Python loop `bench --peer` compares the engine with (peer_baseline.py: OpenCV, numpy and ONNX Runtime, the
 * library from the engine's own onnxruntime jar) computes what the independently computed references in
 * ../shared/models/reference-outputs.json say, and runs round by round under {@link PythonPeer}.
 */
class PythonPeerTest {
    private static final Path SHARED = Path.of(System.getProperty("sd.shared.dir", "../shared")).toAbsolutePath();
    private static final Path SCRIPT = Path.of("src/bench/python/peer_baseline.py").toAbsolutePath();
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path VIDEO = SHARED.resolve("media/video/one-by-one-person-detection.mp4");

    /** What the peer's loop finds on one picture ({@code --check}), as the references write it. */
    private static JsonArray check(String model, String image) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), SCRIPT.toString(), "--model",
                SHARED.resolve("models/" + model).toString(), "--check", SHARED.resolve("media/" + image).toString())
                .redirectErrorStream(true);
        PythonPeer.onnxRuntimeJar().ifPresent(jar -> pb.environment().put("ORT_JAR", jar.toString()));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return JsonParser.parseString(out.lines().reduce((a, b) -> b).orElseThrow()).getAsJsonArray();
    }

    private static JsonArray reference(String model, String image) throws IOException {
        return JsonParser.parseString(Files.readString(SHARED.resolve("models/reference-outputs.json")))
                .getAsJsonObject().getAsJsonObject("models").getAsJsonObject(model).getAsJsonArray(image);
    }

    /** Confidence and box of each detection, sorted: labels differ (the peer has no label file), values must not. */
    private static List<String> values(JsonArray detections) {
        List<String> out = new ArrayList<>();
        for (JsonElement e : detections) {
            JsonObject o = e.getAsJsonObject();
            out.add(o.get("confidence").getAsString() + " " + o.get("box"));
        }
        out.sort(null);
        return out;
    }

    @Test
    void thePeersLoopFindsTheReferenceDetectionsOfYoloxAndRetinaFace() throws Exception {
        assertEquals(values(reference("yolox/yolox-nano-416.onnx", "coco/dog.jpg")),
                values(check("yolox/yolox-nano-416.onnx", "coco/dog.jpg")));
        assertEquals(values(reference("retinaface/FaceDetector.onnx", "faces/2.jpg")),
                values(check("retinaface/FaceDetector.onnx", "faces/2.jpg")));
    }

    @Test
    void thePeersClassifierPutsTheKittenInACatClass() throws Exception {
        JsonArray top = check("squeezenet/squeezenet1.1-fp32.onnx", "imagenet/kitten_224.png");
        int best = Integer.parseInt(top.get(0).getAsJsonObject().get("label").getAsString().replace("class ", ""));
        assertTrue(best >= 281 && best <= 285, "ImageNet's cats are classes 281-285, got " + top);
    }

    @Test
    void roundsRunOnTheSameFramesOneAtATimeAndClosingEndsTheProcess() throws Exception {
        try (PythonPeer peer = PythonPeer.start(new PythonPeer.Setup(PYTHON, SCRIPT, VIDEO, 6, 1),
                SHARED.resolve("models/squeezenet/squeezenet1.1-fp32.onnx"))) {
            assertTrue(peer.about().contains("onnxruntime"), peer.about());
            assertTrue(peer.about().contains("6 frames 768x432"), peer.about());
            for (int i = 0; i < 2; i++) {
                PythonPeer.Round r = peer.round();
                assertTrue(r.fps() > 0 && r.inferenceFps() > 0, r.toString());
                assertEquals(6 * 5, r.results(), "top 5 classes of each of the 6 frames");
            }
        }
    }

    @Test
    void aPeerThatCannotStartSaysWhyFromItsOwnErrorOutput() {
        IOException e = assertThrows(IOException.class, () -> PythonPeer.start(
                new PythonPeer.Setup(PYTHON, SCRIPT, VIDEO, 4, 1), SHARED.resolve("models/yunet/"
                        + "face_detection_yunet_2026may.onnx")));
        assertTrue(e.getMessage().contains("no Python loop for"), e.getMessage());
        IOException missing = assertThrows(IOException.class, () -> PythonPeer.start(
                new PythonPeer.Setup(PYTHON, SCRIPT.resolveSibling("nope.py"), VIDEO, 4, 1), SCRIPT));
        assertTrue(missing.getMessage().contains("nope.py"), missing.getMessage());
    }
}
