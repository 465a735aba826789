package io.skilldesigner.engine.export;

import java.io.IOException;
import java.nio.file.Path;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

/**
 * Uploads clips to one Blob Storage container. The connection string stays inside the SDK client: errors are
 * rethrown with account keys and SAS signatures cut out, so it never reaches a log or the node's status.
 */
final class BlobUploader {
    private final BlobContainerClient container;

    BlobUploader(String connectionString, String containerName) {
        this.container = new BlobServiceClientBuilder().connectionString(connectionString).buildClient()
                .getBlobContainerClient(containerName);
    }

    /** Uploads the file as {@code blobName} (replacing one of the same name); returns the blob URL without SAS. */
    String upload(Path file, String blobName) throws IOException {
        try {
            if (!container.exists()) {
                container.createIfNotExists();
            }
            BlobClient blob = container.getBlobClient(blobName);
            blob.uploadFromFile(file.toString(), true);
            // The SDK's blob URL escapes the '/' of virtual folders; the container URL plus the name reads plainly.
            return strip(container.getBlobContainerUrl()) + "/" + blobName;
        } catch (RuntimeException e) {
            throw new IOException("upload of " + file.getFileName() + " to container '" + container.getBlobContainerName()
                    + "' failed: " + redact(ExportQueue.describe(e)));
        }
    }

    private static String strip(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q);
    }

    /** Cuts secrets out of SDK messages, which may quote the request URL or the connection string. */
    static String redact(String message) {
        return message.replaceAll("(?i)(AccountKey|SharedAccessSignature|sig)=[^;&\\s\"']+", "$1=***");
    }
}
