package io.skilldesigner.engine.export;

import java.util.UUID;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/** Insights to MQTT: the insight JSON published to the configured topic ({@code mqttmessage} by default). */
public final class MqttExportRuntimeFactory implements NodeRuntimeFactory {
    static final int TIMEOUT_SECONDS = 5;

    @Override
    public String typeId() {
        return MqttExportNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings s, RuntimeContext context) throws Exception {
        String address = s.text(MqttExportNode.BROKER_ADDRESS);
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("MQTT export '" + node.id() + "': broker address '" + address
                    + "' is not host:port");
        }
        String caFile = s.textOrEmpty(MqttExportNode.CA_FILE);
        // Random suffix: two previews (or preview and device) of one skill must not share a client id, as the
        // broker would disconnect one whenever the other connects. At most 23 characters, as MQTT 3.1.1 asks.
        String clientId = "sd-" + UUID.randomUUID().toString().substring(0, 8) + "-" + node.id();
        MqttPublisher.Config config = new MqttPublisher.Config(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1)), s.text(MqttExportNode.TOPIC),
                (int) s.integer(MqttExportNode.QOS), s.bool(MqttExportNode.TLS),
                caFile.isEmpty() ? null : context.resolve(caFile), s.textOrEmpty(MqttExportNode.USERNAME),
                s.textOrEmpty(MqttExportNode.PASSWORD), clientId.length() > 23 ? clientId.substring(0, 23) : clientId,
                TIMEOUT_SECONDS);
        MqttPublisher publisher = new MqttPublisher(config);
        ExportMessageListener messages = context.messages() == null ? ExportMessageListener.NONE : context.messages();
        return InsightExports.create(node.id(), s, context, body -> {
            publisher.publish(body);
            messages.onMessage(InsightExports.message(node.id(), typeId(), config.topic(), "", body));
        }, publisher);
    }
}
