package io.squeaky.clock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every brand's business schedule. Read from a JSON file (jobs/config/schedules.json documents the
 * format): weekly hours and holidays per brand, and a default for brands without an entry. The time
 * zone is the brand's own, from the brands file; a brand unknown to both is on UTC.
 */
public final class ScheduleBook implements Serializable {

    public static final String BUNDLED_RESOURCE = "/squeaky/schedules.json";

    private final Map<String, BusinessSchedule> byBrand;
    private final Map<String, ZoneId> zones;
    private final Hours defaultHours;
    private final String description;

    private record Hours(Map<DayOfWeek, List<OpeningHours>> week, Set<LocalDate> holidays)
            implements Serializable {}

    private ScheduleBook(Map<String, Hours> brands, Hours defaultHours, Map<String, ZoneId> zones) {
        this.zones = Map.copyOf(zones);
        this.defaultHours = defaultHours;
        this.byBrand = new HashMap<>();
        brands.forEach(
                (brand, hours) ->
                        byBrand.put(
                                brand,
                                new BusinessSchedule(
                                        zones.getOrDefault(brand, ZoneOffset.UTC),
                                        hours.week(),
                                        hours.holidays())));
        Map<String, String> own = new TreeMap<>();
        brands.keySet().forEach(brand -> own.put(brand, byBrand.get(brand).toString()));
        this.description =
                "schedules[brands="
                        + own
                        + ", default="
                        + new BusinessSchedule(
                                ZoneOffset.UTC, defaultHours.week(), defaultHours.holidays())
                        + ", zones="
                        + new TreeMap<>(zones)
                        + "]";
    }

    /** Every schedule and zone, canonically: part of the statistics' configuration hash. */
    @Override
    public String toString() {
        return description;
    }

    /** The schedule of a brand: its own, else the default hours in its time zone. */
    public BusinessSchedule of(String brand) {
        BusinessSchedule own = byBrand.get(brand);
        if (own != null) {
            return own;
        }
        return byBrand.computeIfAbsent(
                brand,
                b ->
                        new BusinessSchedule(
                                zones.getOrDefault(b, ZoneOffset.UTC),
                                defaultHours.week(),
                                defaultHours.holidays()));
    }

    public static ScheduleBook bundled(Map<String, ZoneId> brandZones) {
        try (InputStream in = ScheduleBook.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("schedules " + BUNDLED_RESOURCE + " missing");
            }
            return parse(new ObjectMapper().readTree(in), BUNDLED_RESOURCE, brandZones);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScheduleBook load(Path file, Map<String, ZoneId> brandZones) throws IOException {
        return parse(
                new ObjectMapper().readTree(Files.readString(file)), file.toString(), brandZones);
    }

    static ScheduleBook parse(JsonNode root, String origin, Map<String, ZoneId> brandZones) {
        try {
            Hours defaults = hours(root.path("default"), "default");
            Map<String, Hours> brands = new HashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("brands").fields();
                    it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                brands.put(entry.getKey(), hours(entry.getValue(), entry.getKey()));
            }
            return new ScheduleBook(brands, defaults, brandZones);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new IllegalArgumentException(origin + ": " + e.getMessage(), e);
        }
    }

    private static Hours hours(JsonNode node, String what) {
        Map<DayOfWeek, List<OpeningHours>> week = new EnumMap<>(DayOfWeek.class);
        JsonNode weekly = node.path("hours");
        if (!weekly.isObject()) {
            throw new IllegalArgumentException(what + ": \"hours\" must be an object");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = weekly.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            List<OpeningHours> spans = new ArrayList<>();
            for (JsonNode span : entry.getValue()) {
                spans.add(OpeningHours.parse(span.asText()));
            }
            for (DayOfWeek day : days(entry.getKey(), what)) {
                week.computeIfAbsent(day, d -> new ArrayList<>()).addAll(spans);
            }
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (JsonNode holiday : node.path("holidays")) {
            holidays.add(LocalDate.parse(holiday.asText()));
        }
        return new Hours(week, holidays);
    }

    /** {@code mon}, {@code sat-sun} or {@code mon-fri}. */
    private static List<DayOfWeek> days(String range, String what) {
        String[] ends = range.toLowerCase(Locale.ROOT).split("-");
        DayOfWeek first = day(ends[0], what);
        DayOfWeek last = ends.length > 1 ? day(ends[1], what) : first;
        List<DayOfWeek> days = new ArrayList<>();
        for (DayOfWeek d = first; ; d = d.plus(1)) {
            days.add(d);
            if (d == last) {
                return days;
            }
        }
    }

    private static DayOfWeek day(String name, String what) {
        for (DayOfWeek d : DayOfWeek.values()) {
            if (d.name().toLowerCase(Locale.ROOT).startsWith(name.strip())
                    && name.strip().length() >= 3) {
                return d;
            }
        }
        throw new IllegalArgumentException(what + ": unknown day '" + name + "'");
    }
}
