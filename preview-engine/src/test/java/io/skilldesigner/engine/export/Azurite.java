package io.skilldesigner.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Azurite's Blob service (npm package {@code azurite}) on 127.0.0.1 and a free port, data in a temp folder. */
final class Azurite implements AutoCloseable {
    /** Azurite's documented, public development account key (not a secret). */
    static final String ACCOUNT_KEY =
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    final int port;
    private final Process process;

    Azurite(Path dir) throws IOException, InterruptedException {
        port = ExportTestSupport.freePort();
        Path data = Files.createDirectories(dir.resolve("azurite"));
        process = new ProcessBuilder("azurite-blob", "--blobHost", "127.0.0.1", "--blobPort", Integer.toString(port),
                "--location", data.toString(), "--skipApiVersionCheck", "--silent")
                .redirectErrorStream(true).redirectOutput(dir.resolve("azurite.log").toFile()).start();
        try {
            ExportTestSupport.waitForPort(port, 30_000);
        } catch (AssertionError e) {
            close();
            throw new IOException("azurite-blob did not start: " + Files.readString(dir.resolve("azurite.log")), e);
        }
    }

    String connectionString() {
        return "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + ACCOUNT_KEY
                + ";BlobEndpoint=http://127.0.0.1:" + port + "/devstoreaccount1;";
    }

    @Override
    public void close() throws InterruptedException {
        // azurite-blob is a node script: end its children too, then the process itself
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
