package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.kan.KanExport;
import io.skilldesigner.core.kan.KanSkillWriter;

/** "Export KAN…" of a skill full of secrets: neither the file nor the messages shown to the user hold one. */
class KanExportKeepsSecretsTest {
    @Test
    void noSecretInTheKanFileNorItsMessages(@TempDir Path tmp) throws Exception {
        KanExport export = new KanSkillWriter(Fixtures.catalog(), Fixtures.models(tmp)).write(Fixtures.secretSkill());
        String messages = String.join("\n", export.omissions().stream().map(Object::toString).toList());
        List<String> leaks = new ArrayList<>();
        for (String secret : Fixtures.SECRET_VALUES) {
            if (export.toYaml().contains(secret)) {
                leaks.add("yaml: " + secret.substring(0, 4) + "…");
            }
            if (export.toJson().contains(secret)) {
                leaks.add("json: " + secret.substring(0, 4) + "…");
            }
            if (messages.contains(secret)) {
                leaks.add("messages: " + secret.substring(0, 4) + "…");
            }
        }
        assertEquals(List.of(), leaks, messages);
    }
}
