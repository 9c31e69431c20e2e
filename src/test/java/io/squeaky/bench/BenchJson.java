package io.squeaky.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A benchmark's figures as one flat JSON object, in the order they were put, for scripts and for
 * comparing runs: numbers, booleans, strings and null (a figure that was not measured).
 */
final class BenchJson {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    BenchJson put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** Writes the object to {@code file}, creating its folder, and says where. */
    void write(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Files.writeString(absolute, toString() + "\n", StandardCharsets.UTF_8);
        System.out.println("figures written to " + absolute);
    }

    @Override
    public String toString() {
        StringBuilder json = new StringBuilder("{\n");
        int i = 0;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            json.append("  ").append(quote(field.getKey())).append(": ");
            json.append(value(field.getValue()));
            json.append(++i < fields.size() ? ",\n" : "\n");
        }
        return json.append("}").toString();
    }

    private static String value(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.6g", d).strip() : "null";
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        return quote(value.toString());
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
