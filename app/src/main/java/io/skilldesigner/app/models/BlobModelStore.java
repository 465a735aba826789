package io.skilldesigner.app.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;

/**
 * Browses a storage account and downloads model and label blobs into a local cache keyed by ETag: a blob that
 * has not changed is not downloaded again, and an interrupted download (a leftover {@code .part}) never counts
 * as a cached file.
 */
public final class BlobModelStore {
    private static final int BUFFER = 64 * 1024;
    private final BlobServiceClient client;
    private final Path cacheDir;

    public BlobModelStore(BlobCredentials credentials, Path cacheDir) {
        this.client = credentials.client();
        this.cacheDir = cacheDir;
    }

    public List<String> containers() {
        try {
            return client.listBlobContainers().stream().map(c -> c.getName()).toList();
        } catch (BlobStorageException e) {
            throw new IllegalStateException("Could not list containers of " + client.getAccountUrl() + ": "
                    + e.getErrorCode(), e);
        }
    }

    public List<BlobEntry> blobs(String container, String prefix) {
        try {
            ListBlobsOptions options = new ListBlobsOptions().setPrefix(prefix == null || prefix.isBlank() ? null : prefix)
                    .setDetails(new BlobListDetails());
            return client.getBlobContainerClient(container).listBlobs(options, null).stream()
                    .map((BlobItem b) -> new BlobEntry(container, b.getName(), b.getProperties().getContentLength(),
                            b.getProperties().getETag()))
                    .toList();
        } catch (BlobStorageException e) {
            throw new IllegalStateException("Could not list blobs in container '" + container + "': "
                    + e.getErrorCode(), e);
        }
    }

    /**
     * Downloads a blob into the cache unless the cached copy has the same ETag.
     *
     * @param cancelled polled between chunks; when it turns true the download stops with
     *                  {@link CancellationException} and leaves no file in the cache
     * @return the cached file
     */
    public Path download(String container, String blobName, DownloadProgress progress, BooleanSupplier cancelled)
            throws IOException {
        BlobClient blob = client.getBlobContainerClient(container).getBlobClient(blobName);
        BlobProperties props;
        try {
            props = blob.getProperties();
        } catch (BlobStorageException e) {
            throw new IOException("Blob '" + container + "/" + blobName + "' cannot be read: " + e.getErrorCode(), e);
        }
        String etag = props.getETag().replace("\"", "");
        Path dir = cacheDir.resolve(key(client.getAccountUrl() + "/" + container + "/" + blobName)).resolve(safe(etag));
        String fileName = Path.of(blobName).getFileName().toString();
        Path target = dir.resolve(fileName);
        if (Files.isRegularFile(target) && Files.size(target) == props.getBlobSize()) {
            progress.update(props.getBlobSize(), props.getBlobSize());
            return target;
        }
        Files.createDirectories(dir);
        Path part = dir.resolve(fileName + ".part");
        long total = props.getBlobSize();
        long done = 0;
        try (InputStream in = blob.openInputStream(); OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[BUFFER];
            int n;
            while ((n = in.read(buf)) >= 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("Download of " + container + "/" + blobName + " cancelled");
                }
                out.write(buf, 0, n);
                done += n;
                progress.update(done, total);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        if (done != total) {
            Files.deleteIfExists(part);
            throw new IOException("Blob " + container + "/" + blobName + " ended after " + done + " of " + total
                    + " bytes");
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String key(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
