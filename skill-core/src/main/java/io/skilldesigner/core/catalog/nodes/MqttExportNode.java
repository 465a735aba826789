package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.FILE_PATH;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;
import static io.skilldesigner.core.catalog.SettingType.SECRET;
import static io.skilldesigner.core.catalog.SettingType.TEXT;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.FixedKanMapping;
import io.skilldesigner.core.catalog.KanKey;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;

/** Publishes insights to an MQTT broker (topic {@code mqttmessage} by default). */
public final class MqttExportNode extends NodeType {
    public static final String ID = "mqtt-export";
    public static final String BROKER_ADDRESS = "brokerAddress";
    public static final String TOPIC = "topic";
    public static final String QOS = "qos";
    public static final String TLS = "tls";
    public static final String CA_FILE = "caFile";
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";
    public static final String DELAY_SECONDS = InsightExports.DELAY_SECONDS;
    public static final String ONLY_WITH_OBJECTS = InsightExports.ONLY_WITH_OBJECTS;

    public MqttExportNode() {
        super(ID, NodeCategory.EXPORT, "Insights to MQTT",
                "Publishes each frame's insights to an MQTT broker.", "mqtt",
                List.of(PortSpec.frameIn()), List.of(), List.of(
                        SettingSpec.builder(BROKER_ADDRESS, TEXT).label("Broker address").required()
                                .defaultValue("mqtt.default.svc.cluster.local:1883")
                                .pattern("[A-Za-z0-9._-]+:(6553[0-5]|655[0-2][0-9]|65[0-4][0-9]{2}|6[0-4][0-9]{3}"
                                        + "|[1-5][0-9]{4}|[1-9][0-9]{0,3})")
                                .help("host:port").build(),
                        SettingSpec.builder(TOPIC, TEXT).label("Topic").defaultValue("mqttmessage").required()
                                .pattern("[^#+\\s]+").build(),
                        SettingSpec.builder(QOS, INTEGER).label("QoS").range(0, 2).defaultValue(0).build(),
                        SettingSpec.builder(TLS, BOOLEAN).label("TLS").defaultValue(false).build(),
                        SettingSpec.builder(CA_FILE, FILE_PATH).label("CA certificate").enabledWhen(TLS, "true")
                                .build(),
                        SettingSpec.builder(USERNAME, TEXT).label("User name").build(),
                        SettingSpec.builder(PASSWORD, SECRET).label("Password")
                                .help("Never written to packages; the edge reads it from an environment variable.")
                                .build(),
                        InsightExports.delaySeconds(30), InsightExports.onlyWithObjects(true)));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new FixedKanMapping("export", "mqtt_export", settings(), List.of(
                KanKey.same(BROKER_ADDRESS, "broker_address", TEXT),
                InsightExports.delayKey()), Map.of()));
    }
}
