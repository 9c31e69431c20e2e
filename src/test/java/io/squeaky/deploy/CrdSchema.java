package io.squeaky.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The OpenAPI v3 schema of one version of a custom resource, as the operator's CRD declares it, and
 * the structural checks Kubernetes applies with {@code kubectl apply --validate=strict}: no field
 * the schema does not name, the declared types, enums and required fields. The operator generates
 * its CRDs with fabric8, which uses only these keywords (no oneOf, patterns or preserved unknown
 * fields), so this is the whole of what the API server would check.
 */
final class CrdSchema {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** What the API server sets or checks itself, outside the CRD's schema. */
    private static final Set<String> ROOT_FIELDS = Set.of("apiVersion", "kind", "metadata");

    private final JsonNode schema;
    private final Map<String, Set<String>> extraEnums;

    private CrdSchema(JsonNode schema, Map<String, Set<String>> extraEnums) {
        this.schema = schema;
        this.extraEnums = extraEnums;
    }

    /**
     * The schema of {@code version} in the CRD resource {@code crd} on the classpath; {@code
     * extraEnums} adds values to the enum at a path (such as {@code .spec.flinkVersion}), for
     * values a newer operator release knows.
     */
    static CrdSchema load(String crd, String version, Map<String, Set<String>> extraEnums) {
        try (InputStream in = CrdSchema.class.getResourceAsStream(crd)) {
            if (in == null) {
                throw new IllegalStateException("no CRD " + crd + " on the classpath");
            }
            for (JsonNode v : YAML.readTree(in).path("spec").path("versions")) {
                if (v.path("name").asText().equals(version)) {
                    return new CrdSchema(v.path("schema").path("openAPIV3Schema"), extraEnums);
                }
            }
            throw new IllegalStateException(crd + " has no version " + version);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every way the resource breaks the schema, each as "path: what is wrong". */
    List<String> violations(JsonNode resource) {
        List<String> problems = new ArrayList<>();
        if (!resource.path("metadata").path("name").isTextual()) {
            problems.add(".metadata.name: missing");
        }
        check(resource, schema, "", problems, ROOT_FIELDS);
        return problems;
    }

    private void check(
            JsonNode value, JsonNode schema, String path, List<String> problems, Set<String> skip) {
        if (schema.has("anyOf")) {
            boolean any = false;
            for (JsonNode option : schema.get("anyOf")) {
                List<String> sub = new ArrayList<>();
                check(value, option, path, sub, Set.of());
                any |= sub.isEmpty();
            }
            if (!any) {
                problems.add(path + ": matches none of " + schema.get("anyOf"));
            }
            return;
        }
        String type = schema.path("type").asText("");
        if (!hasType(value, type)) {
            problems.add(path + ": expected " + type + ", found " + value.getNodeType());
            return;
        }
        if (schema.has("enum")) {
            Set<String> allowed = new java.util.HashSet<>(extraEnums.getOrDefault(path, Set.of()));
            schema.get("enum").forEach(e -> allowed.add(e.asText()));
            if (!allowed.contains(value.asText())) {
                problems.add(path + ": '" + value.asText() + "' is not one of " + allowed);
            }
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                problems.add(path + "." + required.asText() + ": required");
            }
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                check(value.get(i), schema.get("items"), path + "[" + i + "]", problems, Set.of());
            }
        }
        if (value.isObject()) {
            JsonNode properties = schema.path("properties");
            JsonNode additional = schema.get("additionalProperties");
            for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String name = field.getKey();
                String at = path + "." + name;
                if (skip.contains(name)) {
                    continue;
                }
                if (properties.has(name)) {
                    check(field.getValue(), properties.get(name), at, problems, Set.of());
                } else if (additional != null && additional.isObject()) {
                    check(field.getValue(), additional, at, problems, Set.of());
                } else if (schema.has("properties") || additional != null) {
                    problems.add(at + ": unknown field");
                }
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }
}
