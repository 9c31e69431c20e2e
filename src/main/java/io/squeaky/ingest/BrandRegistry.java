package io.squeaky.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which accounts are brands' support accounts. Read from a CSV file with the header {@code
 * handle,brand,time_zone}: one support account a line, its brand's name and the brand's IANA time
 * zone. Handles match case-insensitively, as Twitter screen names do.
 */
public final class BrandRegistry implements Serializable {

    public static final String BUNDLED_RESOURCE = "/squeaky/brands.csv";

    private final Map<String, Brand> byHandle;

    private BrandRegistry(Map<String, Brand> byHandle) {
        this.byHandle = byHandle;
    }

    public static BrandRegistry empty() {
        return new BrandRegistry(Map.of());
    }

    public static BrandRegistry bundled() {
        InputStream in = BrandRegistry.class.getResourceAsStream(BUNDLED_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("brand list " + BUNDLED_RESOURCE + " missing");
        }
        try (in) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED_RESOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BrandRegistry load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    static BrandRegistry parse(String csv, String origin) {
        Map<String, Brand> brands = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(csv))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                boolean header = trimmed.equalsIgnoreCase("handle,brand,time_zone");
                if (trimmed.isEmpty() || trimmed.startsWith("#") || header) {
                    continue;
                }
                String[] fields = trimmed.split(",", -1);
                if (fields.length != 3 || fields[0].isBlank() || fields[1].isBlank()) {
                    throw new IllegalArgumentException(
                            origin + " line " + number + ": expected handle,brand,time_zone");
                }
                brands.put(
                        normalise(fields[0]),
                        new Brand(fields[1].strip(), zone(fields[2], origin, number)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BrandRegistry(Map.copyOf(brands));
    }

    private static ZoneId zone(String text, String origin, int line) {
        if (text.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(
                    origin + " line " + line + ": unknown time zone " + text, e);
        }
    }

    public Optional<Brand> byHandle(String handle) {
        return handle == null
                ? Optional.empty()
                : Optional.ofNullable(byHandle.get(normalise(handle)));
    }

    public boolean isBrandHandle(String handle) {
        return byHandle(handle).isPresent();
    }

    /** Each brand's time zone, by brand name. */
    public Map<String, ZoneId> brandZones() {
        Map<String, ZoneId> zones = new HashMap<>();
        byHandle.values().forEach(b -> zones.put(b.name(), b.timeZone()));
        return zones;
    }

    public int size() {
        return byHandle.size();
    }

    private static String normalise(String handle) {
        String h = handle.strip();
        if (h.startsWith("@")) {
            h = h.substring(1);
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
