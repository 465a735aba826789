package io.skilldesigner.core.skill;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SecretNamesTest {
    @Test
    void namesThatHoldSecrets() {
        for (String n : new String[] {"DB_PASS", "DB_PASSWORD", "STRIPE_KEY", "API_TOKEN", "apiKey", "AccountKey",
                "client-secret", "AZURE_STORAGE_CONNECTION_STRING", "connectionString", "SAS", "Authorization",
                "mqtt.password", "GITHUB_PAT"}) {
            assertTrue(SecretNames.looksSecret(n), n);
        }
    }

    @Test
    void namesThatDoNot() {
        for (String n : new String[] {"LOG_LEVEL", "KEYFRAME_INTERVAL", "PASSTHROUGH", "monkey", "RESULTS_URL",
                "fps", "tokenizerPath", "", "HOST"}) {
            assertFalse(SecretNames.looksSecret(n), n);
        }
    }
}
