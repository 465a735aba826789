package io.skilldesigner.app.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.skilldesigner.app.SharedFiles;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.engine.model.ModelSessions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;

/** Browsing and downloading models from a real Blob Storage emulator (Azurite). */
class BlobModelStoreTest {
    @TempDir
    static Path tmp;
    static AzuriteServer azurite;
    static byte[] modelBytes;

    @BeforeAll
    static void startAzurite() throws Exception {
        azurite = AzuriteServer.start(tmp.resolve("azurite"));
        BlobContainerClient c = BlobCredentials.connectionString(azurite.connectionString()).client()
                .createBlobContainer("models");
        modelBytes = new byte[3 * 1024 * 1024 + 17];
        for (int i = 0; i < modelBytes.length; i++) {
            modelBytes[i] = (byte) (i * 31);
        }
        c.getBlobClient("detector/model.onnx").upload(BinaryData.fromBytes(modelBytes));
        c.getBlobClient("detector/labels.txt").upload(BinaryData.fromString("ball\nbox\n"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        azurite.close();
    }

    private BlobModelStore store(Path cache) {
        return new BlobModelStore(BlobCredentials.connectionString(azurite.connectionString()), cache);
    }

    @Test
    void listsContainersAndBlobs() {
        BlobModelStore s = store(tmp.resolve("cache-list"));
        assertTrue(s.containers().contains("models"));
        List<BlobEntry> blobs = s.blobs("models", "detector/");
        assertEquals(List.of("detector/labels.txt", "detector/model.onnx"), blobs.stream().map(BlobEntry::name).sorted().toList());
        assertEquals(modelBytes.length, blobs.stream().filter(b -> b.name().endsWith(".onnx")).findFirst().orElseThrow().size());
    }

    @Test
    void downloadsWithProgressAndReusesTheCacheForTheSameEtag() throws IOException {
        BlobModelStore s = store(tmp.resolve("cache-dl"));
        AtomicLong last = new AtomicLong();
        AtomicInteger calls = new AtomicInteger();
        Path file = s.download("models", "detector/model.onnx", (done, total) -> {
            last.set(done);
            calls.incrementAndGet();
            assertEquals(modelBytes.length, total);
        }, () -> false);
        assertArrayEquals(modelBytes, Files.readAllBytes(file));
        assertEquals(modelBytes.length, last.get());
        assertTrue(calls.get() > 1, "progress reported while downloading");
        long modified = Files.getLastModifiedTime(file).toMillis();
        Path again = s.download("models", "detector/model.onnx", (d, t) -> { }, () -> true);
        assertEquals(file, again, "same ETag: served from the cache, even when cancel is asked");
        assertEquals(modified, Files.getLastModifiedTime(again).toMillis());
    }

    @Test
    void cancelLeavesNothingInTheCache() throws IOException {
        Path cache = tmp.resolve("cache-cancel");
        BlobModelStore s = store(cache);
        AtomicInteger chunks = new AtomicInteger();
        assertThrows(CancellationException.class,
                () -> s.download("models", "detector/model.onnx", (d, t) -> chunks.incrementAndGet(),
                        () -> chunks.get() >= 3));
        try (var files = Files.walk(cache)) {
            assertFalse(files.anyMatch(Files::isRegularFile), "no partial or complete file left after cancel");
        }
        Path file = s.download("models", "detector/model.onnx", (d, t) -> { }, () -> false);
        assertArrayEquals(modelBytes, Files.readAllBytes(file), "a later download completes");
    }

    @Test
    void missingBlobGivesAClearError() {
        BlobModelStore s = store(tmp.resolve("cache-missing"));
        IOException e = assertThrows(IOException.class,
                () -> s.download("models", "nope/model.onnx", (d, t) -> { }, () -> false));
        assertTrue(e.getMessage().contains("models/nope/model.onnx"), e.getMessage());
        assertTrue(e.getMessage().contains("BlobNotFound"), e.getMessage());
    }

    @Test
    void aModelFromBlobStorageIsDownloadedOpenedAndRegistered() throws Exception {
        Path onnx = SharedFiles.shared().resolve("models/squeezenet/squeezenet1.1-fp32.onnx");
        Path labels = SharedFiles.shared().resolve("models/squeezenet/labels.txt");
        BlobContainerClient c = BlobCredentials.connectionString(azurite.connectionString()).client()
                .getBlobContainerClient("models");
        c.getBlobClient("squeezenet/model.onnx").uploadFromFile(onnx.toString(), true);
        c.getBlobClient("squeezenet/labels.txt").uploadFromFile(labels.toString(), true);
        Workspace ws = Workspace.open(
                tmp.resolve("ws-blob"), NodeCatalog.standard());
        BlobModelStore s = store(ws.root().resolve("cache"));
        Path model = s.download("models", "squeezenet/model.onnx", (d, t) -> { }, () -> false);
        Path lab = s.download("models", "squeezenet/labels.txt", (d, t) -> { }, () -> false);
        try (var sessions = new ModelSessions()) {
            ModelImporter.Result r = new ModelImporter(ws, sessions).importModel(new ModelImporter.Request(
                    "squeezenet", "SqueezeNet", ModelTask.CLASSIFICATION, model, lab, "",
                    List.of(), FileLocation.blob("http://127.0.0.1", "models",
                            "squeezenet/model.onnx")));
            assertEquals(List.of(), r.warnings(), "1000 labels fit the 1000 classes");
            assertEquals("1000 from label file labels.txt", r.namesSource(), "the wizard says where the names came from");
            var d = ws.modelLibrary().find("squeezenet").orElseThrow();
            assertEquals(OutputLayout.CLASSIFICATION, d.io().detectedLayout());
            assertEquals(FileLocation.Kind.AZURE_BLOB, d.model().kind());
            assertEquals("squeezenet/model.onnx", d.model().blobName());
            assertTrue(Files.isRegularFile(ws.root().resolve(d.model().path())), "local copy in the workspace");
            assertFalse(ws.root().resolve("models/squeezenet.model.json").toFile().length() == 0);
            String json = Files.readString(ws.root().resolve("models/squeezenet.model.json"));
            assertFalse(json.contains("AccountKey"), "no credentials in the model file");
        }
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        BlobCredentials c = BlobCredentials.connectionString(azurite.connectionString());
        assertFalse(c.toString().contains("AccountKey"), c.toString());
        BlobCredentials sas = BlobCredentials.sas("https://acct.blob.core.windows.net", "sv=2024&sig=SECRET");
        assertFalse(sas.toString().contains("SECRET"), sas.toString());
    }
}
