package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.INTEGER;
import static io.skilldesigner.core.catalog.SettingType.SECRET;
import static io.skilldesigner.core.catalog.SettingType.TEXT;
import static io.skilldesigner.core.catalog.SettingType.URL;

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

/**
 * POSTs each frame's insights as JSON. KAN encodes the body twice (a JSON string holding JSON); we send the
 * object once.
 */
public final class HttpExportNode extends NodeType {
    public static final String ID = "http-export";
    public static final String URL_KEY = "url";
    public static final String TIMEOUT_MS = "timeoutMs";
    public static final String RETRIES = "retries";
    public static final String AUTH_HEADER = "authHeaderName";
    public static final String AUTH_VALUE = "authHeaderValue";
    public static final String DELAY_SECONDS = InsightExports.DELAY_SECONDS;
    public static final String ONLY_WITH_OBJECTS = InsightExports.ONLY_WITH_OBJECTS;

    public HttpExportNode() {
        super(ID, NodeCategory.EXPORT, "Insights to HTTP",
                "POSTs each frame's insights as JSON to a URL.", "http",
                List.of(PortSpec.frameIn()), List.of(), List.of(
                        SettingSpec.builder(URL_KEY, URL).label("URL").required().pattern("(?i)https?://\\S+")
                                .build(),
                        SettingSpec.builder(TIMEOUT_MS, INTEGER).label("Timeout").range(100, 120000)
                                .defaultValue(5000).unit("ms").build(),
                        SettingSpec.builder(RETRIES, INTEGER).label("Retries").range(0, 10).defaultValue(2)
                                .help("Retries with exponential backoff after a failed POST.").build(),
                        SettingSpec.builder(AUTH_HEADER, TEXT).label("Auth header").defaultValue("Authorization")
                                .pattern("[A-Za-z0-9-]+").build(),
                        SettingSpec.builder(AUTH_VALUE, SECRET).label("Auth header value")
                                .help("E.g. 'Bearer ...'. Never written to packages or logs.").build(),
                        InsightExports.delaySeconds(0), InsightExports.onlyWithObjects(false)));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new FixedKanMapping("export", "http_export", settings(),
                List.of(KanKey.same(URL_KEY, "url", TEXT)), Map.of()));
    }
}
