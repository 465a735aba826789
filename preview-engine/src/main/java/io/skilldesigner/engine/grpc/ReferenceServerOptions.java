package io.skilldesigner.engine.grpc;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.skilldesigner.engine.grpc.proto.ColorFormat;
import io.skilldesigner.engine.grpc.proto.ImageType;
import io.skilldesigner.engine.grpc.proto.ProcessRequestType;
import io.skilldesigner.engine.grpc.proto.ProcessResponseType;

/**
 * How the reference custom node server runs and what it asks for in its handshake.
 *
 * @param host    address to bind: 0.0.0.0 in a container, 127.0.0.1 for local tests
 * @param port    0 picks a free port
 * @param color   channel order of the images it returns (it reads either, by the request's colour format)
 * @param tlsCert PEM certificate chain, or null for plain text (then tlsKey is null too)
 * @param tlsKey  PEM PKCS#8 private key
 * @param delayMs extra time spent per frame, to try a node's deadline
 */
public record ReferenceServerOptions(String host, int port, ImageType imageType, ColorFormat color,
                                     ProcessRequestType requestType, ProcessResponseType responseType,
                                     Path tlsCert, Path tlsKey, long delayMs) {
    public static final String USAGE = String.join("\n",
            "Usage: ReferenceCustomNodeServer [options]",
            "  --host ADDR             address to bind (default 0.0.0.0)",
            "  --port N                port (default 50051; 0 = any free port)",
            "  --image-type T          numpy | bmp | jpeg (default numpy, what the KAN runtime sends)",
            "  --color C               bgr | rgb: channel order of returned images (default bgr)",
            "  --request-type R        with-image | without-image (default with-image)",
            "  --response-type R       image | insights | image-and-insights | empty (default insights)",
            "  --tls-cert FILE         PEM certificate chain (with --tls-key: serve TLS)",
            "  --tls-key FILE          PEM PKCS#8 private key",
            "  --delay-ms N            sleep N ms per frame (to try a client's deadline)");

    public static ReferenceServerOptions defaults() {
        return new ReferenceServerOptions("0.0.0.0", 50051, ImageType.IMAGE_TYPE_NUMPY, ColorFormat.COLOR_FORMAT_BGR,
                ProcessRequestType.FRAME_WITH_IMAGE, ProcessResponseType.INSIGHTS_META_ONLY, null, null, 0);
    }

    /** Loopback on a free port with the given handshake answer; for tests and the conformance demo. */
    public static ReferenceServerOptions loopback(ImageType image, ColorFormat color, ProcessRequestType request,
                                                  ProcessResponseType response) {
        return new ReferenceServerOptions("127.0.0.1", 0, image, color, request, response, null, null, 0);
    }

    public ReferenceServerOptions withPort(int p) {
        return new ReferenceServerOptions(host, p, imageType, color, requestType, responseType, tlsCert, tlsKey,
                delayMs);
    }

    public ReferenceServerOptions withTls(Path cert, Path key) {
        return new ReferenceServerOptions(host, port, imageType, color, requestType, responseType, cert, key,
                delayMs);
    }

    public ReferenceServerOptions withDelayMs(long ms) {
        return new ReferenceServerOptions(host, port, imageType, color, requestType, responseType, tlsCert, tlsKey,
                ms);
    }

    public boolean tls() {
        return tlsCert != null;
    }

    /** Parses command-line arguments; throws IllegalArgumentException naming the bad option. */
    public static ReferenceServerOptions parse(String... args) {
        ReferenceServerOptions o = defaults();
        String host = o.host;
        int port = o.port;
        ImageType image = o.imageType;
        ColorFormat color = o.color;
        ProcessRequestType request = o.requestType;
        ProcessResponseType response = o.responseType;
        Path cert = null;
        Path key = null;
        long delay = 0;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("option " + name + " needs a value");
            }
            String v = args[++i];
            switch (name) {
                case "--host" -> host = v;
                case "--port" -> port = parseInt(name, v, 0, 65535);
                case "--image-type" -> image = choice(name, v, Map.of("numpy", ImageType.IMAGE_TYPE_NUMPY,
                        "bmp", ImageType.IMAGE_TYPE_BMP, "jpeg", ImageType.IMAGE_TYPE_JPEG));
                case "--color", "--colour" -> color = choice(name, v, Map.of("bgr", ColorFormat.COLOR_FORMAT_BGR,
                        "rgb", ColorFormat.COLOR_FORMAT_RGB));
                case "--request-type" -> request = choice(name, v, Map.of(
                        "with-image", ProcessRequestType.FRAME_WITH_IMAGE,
                        "without-image", ProcessRequestType.FRAME_WITHOUT_IMAGE));
                case "--response-type" -> response = choice(name, v, Map.of(
                        "image", ProcessResponseType.IMAGE_ONLY,
                        "insights", ProcessResponseType.INSIGHTS_META_ONLY,
                        "image-and-insights", ProcessResponseType.IMAGE_AND_INSIGHTS_META,
                        "empty", ProcessResponseType.EMPTY));
                case "--tls-cert" -> cert = Path.of(v);
                case "--tls-key" -> key = Path.of(v);
                case "--delay-ms" -> delay = parseInt(name, v, 0, 600_000);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if ((cert == null) != (key == null)) {
            throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        return new ReferenceServerOptions(host, port, image, color, request, response, cert, key, delay);
    }

    private static int parseInt(String name, String v, int min, int max) {
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                throw new IllegalArgumentException(name + " " + v + " is outside " + min + ".." + max);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " '" + v + "' is not a number", e);
        }
    }

    /** Accepts the short names above and the protocol's enum names (e.g. IMAGE_TYPE_BMP, IMAGE_ONLY). */
    private static <E extends Enum<E>> E choice(String name, String v, Map<String, E> values) {
        E e = values.get(v.toLowerCase(Locale.ROOT));
        if (e != null) {
            return e;
        }
        for (E candidate : values.values()) {
            if (candidate.name().equalsIgnoreCase(v)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(name + " '" + v + "' is not one of " + values.keySet());
    }
}
