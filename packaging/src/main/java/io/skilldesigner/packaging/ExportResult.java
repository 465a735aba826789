package io.skilldesigner.packaging;

import java.nio.file.Path;
import java.util.List;

/**
 * What an export wrote.
 *
 * @param folder   the package folder
 * @param zip      the package zip, or null when none was asked for
 * @param files    every file of the package, '/'-separated, relative to the folder (checksums.sha256 last)
 * @param secrets  environment variables the operator must set (the secrets left out)
 * @param warnings things the user should know (KAN omissions, limits); the package is complete regardless
 */
public record ExportResult(Path folder, Path zip, List<String> files, List<SecretRef> secrets, List<String> warnings) {
    public ExportResult {
        files = List.copyOf(files);
        secrets = List.copyOf(secrets);
        warnings = List.copyOf(warnings);
    }
}
