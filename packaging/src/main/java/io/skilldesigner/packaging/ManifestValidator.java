package io.skilldesigner.packaging;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.InputFormat;
import com.networknt.schema.NonValidationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Validates IoT Edge manifests against the SchemaStore draft-04 schemas kept in {@code resources/iotedge}
 * (copied unchanged from shared/schemas/iotedge). The schemas' {@code https://json.schemastore.org/} ids and
 * cross-file {@code $ref}s (template 4.0 → edgeAgent 1.1 and edgeHub 1.2) are mapped to the classpath, so
 * validation never touches the network. Reports every error, not just the first.
 */
public final class ManifestValidator {
    private static final String SCHEMASTORE = "https://json.schemastore.org/";

    /** Which schema a manifest is checked against. */
    public enum Kind {
        /** deployment.template.json (IoT Edge dev tooling). */
        TEMPLATE("azure-iot-edge-deployment-template-4.0.json"),
        /** A complete deployment manifest (az iot edge set-modules). */
        DEPLOYMENT("azure-iot-edge-deployment-2.0.json"),
        /** $edgeAgent desired properties alone. */
        EDGE_AGENT("azure-iot-edgeagent-deployment-1.1.json"),
        /** $edgeHub desired properties alone. */
        EDGE_HUB("azure-iot-edgehub-deployment-1.2.json");

        private final String file;

        Kind(String file) {
            this.file = file;
        }

        public String file() {
            return file;
        }
    }

    private final Map<Kind, JsonSchema> schemas = new EnumMap<>(Kind.class);

    public ManifestValidator() {
        // The SchemaStore files use two later-draft annotations; declared as annotations, not validated (draft-04
        // has no such keywords) and not warned about on every load.
        JsonMetaSchema v4 = JsonMetaSchema.builder(JsonMetaSchema.getV4())
                .keyword(new NonValidationKeyword("examples"))
                .keyword(new NonValidationKeyword("contentMediaType"))
                .build();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
                b -> b.metaSchema(v4).schemaMappers(m -> m.mapPrefix(SCHEMASTORE, "classpath:iotedge/")));
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().failFast(false).build();
        for (Kind k : Kind.values()) {
            schemas.put(k, factory.getSchema(SchemaLocation.of(SCHEMASTORE + k.file()), config));
        }
    }

    /** Every schema violation, as {@code $.path: message}; empty when the manifest is valid. */
    public List<String> validate(Kind kind, String json) {
        return schemas.get(kind).validate(json, InputFormat.JSON).stream()
                .map(ValidationMessage::toString)
                .sorted()
                .toList();
    }
}
