package io.skilldesigner.engine.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP server for tests: GStreamer's RtspServer (Debian's gstreamer1.0-rtsp, gir1.2-gst-rtsp-server-1.0,
 * python3-gi) run by /usr/bin/python3 as a child process on 127.0.0.1 and a free port.
 */
public final class GstRtspServer implements AutoCloseable {
    private final int port;
    private final String mount;
    private Process process;

    public GstRtspServer(int port, String mount) {
        this.port = port;
        this.mount = mount;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    public String url() {
        return "rtsp://127.0.0.1:" + port + "/" + mount;
    }

    public int port() {
        return port;
    }

    /** Starts the server and waits until it listens. */
    public GstRtspServer start() throws Exception {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", script().toString(), Integer.toString(port), mount)
                .redirectErrorStream(true);
        process = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.equals("READY")) {
                        return "READY";
                    }
                    seen.append(line).append('\n');
                }
                return seen.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        String result = ready.get(20, TimeUnit.SECONDS);
        if (!result.equals("READY")) {
            throw new IllegalStateException("RTSP server did not start: " + result);
        }
        // Keep draining its output so the child never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // discard: GStreamer warnings are not test results
                }
            } catch (IOException e) {
                // The process was killed: nothing more to read.
            }
        }, "rtsp-server-drain");
        drain.setDaemon(true);
        drain.start();
        return this;
    }

    /** Freezes the server with SIGSTOP: its connections stay open and silent, as a camera that locks up. */
    public void freeze() throws Exception {
        signal("STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    public void thaw() throws Exception {
        signal("CONT");
    }

    private void signal(String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + name + " failed");
        }
    }

    /** Kills the server hard (as a crashed camera), and waits until it is gone. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    private static Path script() throws URISyntaxException {
        URL url = GstRtspServer.class.getResource("/rtsp/rtsp_server.py");
        if (url == null) {
            throw new IllegalStateException("rtsp/rtsp_server.py missing from test resources");
        }
        return Path.of(url.toURI());
    }
}
