package io.skilldesigner.engine.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * Publishes message bodies to one topic with Eclipse Paho. Connects lazily and reconnects on the next message
 * after the broker went away, so a broker that is down costs one failed message per attempt, not a stuck thread.
 * Used from the export's single sender thread only.
 */
final class MqttPublisher implements AutoCloseable {
    /** Broker connection settings; the password is never logged or put in error messages. */
    record Config(String host, int port, String topic, int qos, boolean tls, Path caFile, String username,
                  String password, String clientId, int timeoutSeconds) {
        String uri() {
            return (tls ? "ssl://" : "tcp://") + host + ":" + port;
        }

        @Override
        public String toString() {
            return "MqttPublisher.Config[" + uri() + ", topic " + topic + ", qos " + qos + "]";
        }
    }

    private final Config config;
    private final MqttClient client;
    private final MqttConnectOptions options;

    MqttPublisher(Config config) throws MqttException, IOException, GeneralSecurityException {
        this.config = config;
        this.client = new MqttClient(config.uri(), config.clientId(), new MemoryPersistence());
        this.client.setTimeToWait(config.timeoutSeconds() * 1000L);
        this.options = new MqttConnectOptions();
        options.setCleanSession(true);
        options.setAutomaticReconnect(false);  // we reconnect on the next message instead, from our own thread
        options.setConnectionTimeout(config.timeoutSeconds());
        options.setKeepAliveInterval(30);
        if (!config.username().isEmpty()) {
            options.setUserName(config.username());
            options.setPassword(config.password().toCharArray());
        }
        if (config.tls()) {
            options.setSocketFactory(config.caFile() == null ? SSLContext.getDefault().getSocketFactory()
                    : socketFactoryTrusting(config.caFile()));
        }
    }

    void publish(String body) throws MqttException {
        if (!client.isConnected()) {
            client.connect(options);
        }
        client.publish(config.topic(), body.getBytes(StandardCharsets.UTF_8), config.qos(), false);
    }

    /** Trusts exactly the PEM certificates in the file (a private CA, as brokers on devices often use). */
    static SSLSocketFactory socketFactoryTrusting(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(caFile)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                ks.setCertificateEntry("ca" + i++, c);
            }
            if (i == 0) {
                throw new GeneralSecurityException("no certificate in CA file " + caFile);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx.getSocketFactory();
    }

    @Override
    public void close() throws MqttException {
        try {
            if (client.isConnected()) {
                client.disconnect(1000);
            }
        } finally {
            client.close(true);
        }
    }
}
