package io.skilldesigner.app.models;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real Azurite blob service (npm package azurite) on 127.0.0.1 and a free port, for tests. */
public final class AzuriteServer implements AutoCloseable {
    /** Azurite's well-known development account key (public, documented by Microsoft). */
    private static final String DEV_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private final Process process;
    private final int port;

    private AzuriteServer(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static AzuriteServer start(Path dataDir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dataDir);
        Process p = new ProcessBuilder(List.of("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort",
                Integer.toString(port), "--location", dataDir.toString(), "--skipApiVersionCheck", "--silent",
                "--loose"))
                .redirectErrorStream(true).redirectOutput(dataDir.resolve("azurite.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new AzuriteServer(p, port);
            } catch (IOException notYet) {
                if (!p.isAlive()) {
                    throw new IOException("azurite-blob exited with " + p.exitValue() + "; see "
                            + dataDir.resolve("azurite.log"));
                }
                Thread.sleep(100);
            }
        }
        p.destroyForcibly();
        throw new IOException("azurite-blob did not open port " + port + " within 30 s");
    }

    public String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DEV_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/devstoreaccount1;";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(TimeUnit.SECONDS.toMillis(5), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
        }
    }
}
