package io.skilldesigner.engine.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The two calls of IoT Edge's workload API (aziot-edged) a module client makes, over a Unix domain socket as on a
 * device: {@code POST /modules/<module>/genid/<gen>/sign} (HMAC-SHA256 of the SAS token's string-to-sign with the
 * module's key) and {@code GET /trust-bundle} (the CA that signed edgeHub's server certificate). HTTP/1.1, one
 * request per connection ({@code Connection: close}, as the SDK sends).
 */
public final class WorkloadApiStandIn implements AutoCloseable {
    public record Request(String method, String path, String body) {
    }

    public final Path socket;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    private final byte[] moduleKey;
    private final String trustBundlePem;
    private final ServerSocketChannel server;
    private final Thread thread;

    public WorkloadApiStandIn(Path socket, byte[] moduleKey, String trustBundlePem) throws IOException {
        this.socket = socket;
        this.moduleKey = moduleKey.clone();
        this.trustBundlePem = trustBundlePem;
        Files.deleteIfExists(socket);
        server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(socket));
        thread = new Thread(this::serve, "workload-api");
        thread.setDaemon(true);
        thread.start();
    }

    public String uri() {
        return "unix://" + socket;
    }

    /** The digest the module's key gives for a string-to-sign, as IoT Hub would check it. */
    public String sign(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(moduleKey, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private void serve() {
        while (server.isOpen()) {
            try (SocketChannel c = server.accept()) {
                handle(c);
            } catch (IOException e) {
                if (server.isOpen()) {
                    // A broken request must not stop the stand-in; the test sees the missing call instead.
                    requests.add(new Request("BROKEN", e.toString(), ""));
                }
            }
        }
    }

    private void handle(SocketChannel c) throws IOException {
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        ByteBuffer buf = ByteBuffer.allocate(8192);
        int headerEnd = -1;
        int contentLength = 0;
        while (true) {
            buf.clear();
            int n = c.read(buf);
            if (n < 0) {
                break;
            }
            in.write(buf.array(), 0, n);
            String text = in.toString(StandardCharsets.ISO_8859_1);
            if (headerEnd < 0) {
                headerEnd = text.indexOf("\r\n\r\n");
                if (headerEnd >= 0) {
                    for (String line : text.substring(0, headerEnd).split("\r\n")) {
                        if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                            contentLength = Integer.parseInt(line.substring(15).trim());
                        }
                    }
                }
            }
            if (headerEnd >= 0 && in.size() >= headerEnd + 4 + contentLength) {
                break;
            }
        }
        String text = in.toString(StandardCharsets.UTF_8);
        String[] requestLine = text.substring(0, text.indexOf("\r\n")).split(" ");
        String body = headerEnd < 0 ? "" : text.substring(headerEnd + 4);
        requests.add(new Request(requestLine[0], requestLine[1], body));
        String path = requestLine[1];
        String status;
        JsonObject reply = new JsonObject();
        if (requestLine[0].equals("GET") && path.startsWith("/trust-bundle")) {
            status = "200 OK";
            reply.addProperty("certificate", trustBundlePem);
        } else if (requestLine[0].equals("POST") && path.matches("/modules/[^/]+/genid/[^/]+/sign\\?.*")) {
            JsonObject req = JsonParser.parseString(body).getAsJsonObject();
            status = "200 OK";
            reply.addProperty("digest", sign(Base64.getDecoder().decode(req.get("data").getAsString())));
        } else {
            status = "404 Not Found";
            reply.addProperty("message", "no such workload API call: " + requestLine[0] + " " + path);
        }
        byte[] payload = reply.toString().getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: "
                + payload.length + "\r\nConnection: close\r\n\r\n";
        ByteBuffer out = ByteBuffer.wrap((head + new String(payload, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8));
        while (out.hasRemaining()) {
            c.write(out);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        thread.join(2000);
        Files.deleteIfExists(socket);
    }
}
