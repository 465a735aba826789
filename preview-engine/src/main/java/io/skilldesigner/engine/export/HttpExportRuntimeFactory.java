package io.skilldesigner.engine.export;

import java.net.URI;
import java.time.Duration;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Insights to HTTP: POSTs the insight JSON object. KAN's HTTP export encodes the body twice (a JSON string whose
 * content is the JSON); that is a bug in KAN, and we send the object once, as every other export does.
 */
public final class HttpExportRuntimeFactory implements NodeRuntimeFactory {
    /** First retry after this; doubled for each further retry. */
    static final Duration BACKOFF = Duration.ofMillis(200);

    @Override
    public String typeId() {
        return HttpExportNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings s, RuntimeContext context) {
        URI url = URI.create(s.text(HttpExportNode.URL_KEY).trim());
        HttpPoster poster = new HttpPoster(new HttpPoster.Config(url,
                Duration.ofMillis(s.integer(HttpExportNode.TIMEOUT_MS)), (int) s.integer(HttpExportNode.RETRIES),
                BACKOFF, s.text(HttpExportNode.AUTH_HEADER), s.textOrEmpty(HttpExportNode.AUTH_VALUE)));
        ExportMessageListener messages = context.messages() == null ? ExportMessageListener.NONE : context.messages();
        String target = HttpPoster.safe(url);
        return InsightExports.create(node.id(), s, context, body -> {
            poster.post(body);
            messages.onMessage(InsightExports.message(node.id(), typeId(), target, "", body));
        }, null);
    }
}
