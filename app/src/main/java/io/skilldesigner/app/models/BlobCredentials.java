package io.skilldesigner.app.models;

import java.util.Objects;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;

/**
 * How to reach a storage account: a connection string, or an account URL with a SAS token. Never printed:
 * {@link #toString()} shows only the account.
 */
public final class BlobCredentials {
    private final String connectionString;
    private final String accountUrl;
    private final String sasToken;

    private BlobCredentials(String connectionString, String accountUrl, String sasToken) {
        this.connectionString = connectionString;
        this.accountUrl = accountUrl;
        this.sasToken = sasToken;
    }

    public static BlobCredentials connectionString(String connectionString) {
        if (connectionString == null || connectionString.isBlank()) {
            throw new IllegalArgumentException("The connection string is empty");
        }
        return new BlobCredentials(connectionString.trim(), null, null);
    }

    public static BlobCredentials sas(String accountUrl, String sasToken) {
        if (accountUrl == null || !accountUrl.trim().matches("(?i)https?://\\S+")) {
            throw new IllegalArgumentException("The account URL must start with https:// (got '" + accountUrl + "')");
        }
        return new BlobCredentials(null, accountUrl.trim(), sasToken == null ? "" : sasToken.trim());
    }

    public BlobServiceClient client() {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder();
        if (connectionString != null) {
            b.connectionString(connectionString);
        } else {
            b.endpoint(accountUrl);
            if (!sasToken.isEmpty()) {
                b.sasToken(sasToken.startsWith("?") ? sasToken.substring(1) : sasToken);
            }
        }
        return b.buildClient();
    }

    /** The account this reaches, without secrets, e.g. for a model's location. */
    public String accountUrl() {
        return connectionString != null ? client().getAccountUrl() : accountUrl;
    }

    @Override
    public String toString() {
        return "BlobCredentials[" + (connectionString != null ? "connection string" : "SAS") + " for "
                + Objects.requireNonNullElse(accountUrl, "account from connection string") + "]";
    }
}
