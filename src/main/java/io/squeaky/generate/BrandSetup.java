package io.squeaky.generate;

import io.squeaky.clock.ScheduleBook;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The brands of a run and their desks' clocks. Writes the brands file and the schedules file the
 * pipeline is pointed at, then reads the schedules back through {@link ScheduleBook}, so the ground
 * truth is measured under exactly the hours the pipeline will read.
 */
final class BrandSetup {

    static final String BRANDS_FILE = "brands.csv";
    static final String SCHEDULES_FILE = "schedules.json";

    private final List<DeskBrand> brands;
    private final List<BusinessClock> clocks;

    private BrandSetup(List<DeskBrand> brands, List<BusinessClock> clocks) {
        this.brands = brands;
        this.clocks = clocks;
    }

    static BrandSetup write(CrossChannelSettings settings, Path truthDir) throws IOException {
        List<DeskBrand> brands = DeskBrand.BUILT_IN;
        Files.writeString(truthDir.resolve(BRANDS_FILE), brandsCsv(brands), StandardCharsets.UTF_8);
        Path schedulesFile = truthDir.resolve(SCHEDULES_FILE);
        if (settings.schedules() != null) {
            Files.copy(settings.schedules(), schedulesFile, StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.writeString(
                    schedulesFile, builtInSchedules(brands, settings), StandardCharsets.UTF_8);
        }
        Map<String, ZoneId> zones = new LinkedHashMap<>();
        brands.forEach(brand -> zones.put(brand.name(), brand.zone()));
        ScheduleBook book = ScheduleBook.load(schedulesFile, zones);
        long origin = settings.start().getEpochSecond();
        List<BusinessClock> clocks = new ArrayList<>();
        for (DeskBrand brand : brands) {
            clocks.add(new BusinessClock(book.of(brand.name()), origin));
        }
        return new BrandSetup(brands, List.copyOf(clocks));
    }

    List<DeskBrand> brands() {
        return brands;
    }

    DeskBrand brand(int index) {
        return brands.get(index);
    }

    BusinessClock clock(int index) {
        return clocks.get(index);
    }

    private static String brandsCsv(List<DeskBrand> brands) {
        StringBuilder csv = new StringBuilder("handle,brand,time_zone\n");
        for (DeskBrand brand : brands) {
            csv.append(brand.handle())
                    .append(',')
                    .append(brand.name())
                    .append(',')
                    .append(brand.zone().getId())
                    .append('\n');
        }
        return csv.toString();
    }

    private static String builtInSchedules(List<DeskBrand> brands, CrossChannelSettings settings) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"_about\": \"Desk hours of the cross-channel generator's brands, in")
                .append(" each brand's time zone from brands.csv. Holidays lie inside the")
                .append(" generated period.\",\n")
                .append("  \"default\": {\"hours\": {\"mon-fri\": [\"09:00-17:00\"]},")
                .append(" \"holidays\": []},\n")
                .append("  \"brands\": {");
        String separator = "\n";
        for (DeskBrand brand : brands) {
            LocalDate firstDay = LocalDate.ofInstant(settings.start(), brand.zone());
            List<String> holidays = new ArrayList<>();
            for (LocalDate day : brand.holidays(firstDay, settings.days())) {
                holidays.add(Json.quote(day.toString()));
            }
            json.append(separator)
                    .append("    ")
                    .append(Json.quote(brand.name()))
                    .append(": {\"hours\": ")
                    .append(brand.hoursJson())
                    .append(", \"holidays\": [")
                    .append(String.join(", ", holidays))
                    .append("]}");
            separator = ",\n";
        }
        return json.append("\n  }\n}\n").toString();
    }
}
