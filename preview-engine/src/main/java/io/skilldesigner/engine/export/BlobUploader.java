package io.skilldesigner.engine.export;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;

/**
 * Uploads clips to one Blob Storage container. The connection string stays inside the SDK client: errors are
 * rethrown with account keys and SAS signatures cut out, so it never reaches a log or the node's status.
 */
final class BlobUploader {
    /**
     * Three tries, 1 s then 2 s apart: the SDK's default (4 tries, up to 2 minutes apart) would hold the
     * sender thread for minutes while Storage is unreachable, and the clip is kept locally anyway.
     */
    private static final RequestRetryOptions RETRIES = new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3,
            Duration.ofSeconds(60), Duration.ofSeconds(1), Duration.ofSeconds(4), null);

    private final BlobContainerClient container;

    BlobUploader(String connectionString, String containerName) {
        this.container = new BlobServiceClientBuilder().connectionString(connectionString)
                .retryOptions(RETRIES).buildClient().getBlobContainerClient(containerName);
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
