package io.skilldesigner.core.model;

/**
 * Where a model or label file comes from: a local path, or an Azure Blob (account URL, container, blob name).
 * Credentials are never part of a location; they are given when downloading.
 *
 * @param kind        LOCAL or AZURE_BLOB
 * @param path        local path (LOCAL), or the cached local copy once downloaded (AZURE_BLOB), may be empty
 * @param accountUrl  e.g. https://acct.blob.core.windows.net (AZURE_BLOB)
 * @param container   blob container (AZURE_BLOB)
 * @param blobName    blob name (AZURE_BLOB)
 */
public record FileLocation(Kind kind, String path, String accountUrl, String container, String blobName) {
    public enum Kind { LOCAL, AZURE_BLOB }

    public FileLocation {
        path = path == null ? "" : path;
        accountUrl = accountUrl == null ? "" : accountUrl;
        container = container == null ? "" : container;
        blobName = blobName == null ? "" : blobName;
    }

    public static FileLocation local(String path) {
        return new FileLocation(Kind.LOCAL, path, "", "", "");
    }

    public static FileLocation blob(String accountUrl, String container, String blobName) {
        return new FileLocation(Kind.AZURE_BLOB, "", accountUrl, container, blobName);
    }

    public FileLocation withPath(String p) {
        return new FileLocation(kind, p, accountUrl, container, blobName);
    }

    public String describe() {
        return kind == Kind.LOCAL ? path : accountUrl + "/" + container + "/" + blobName;
    }
}
