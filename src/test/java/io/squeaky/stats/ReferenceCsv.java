package io.squeaky.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CSV files under {@code src/test/resources/cox-reference}, written by its {@code reference.R}
 * with {@code quote = FALSE}: no field is quoted, R's {@code NA} is the text {@code NA}.
 */
public final class ReferenceCsv {

    private ReferenceCsv() {}

    /** The rows of {@code cox-reference/<name>}, each as header to cell. */
    public static List<Map<String, String>> read(String name) {
        Path file = root().resolve(name);
        try {
            List<String> lines = Files.readAllLines(file);
            String[] header = lines.get(0).split(",", -1);
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                if (cells.length != header.length) {
                    throw new IllegalStateException(
                            file + ": " + Arrays.toString(cells) + " against " + header.length);
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int k = 0; k < header.length; k++) {
                    row.put(header[k], cells[k]);
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** R's number, {@link Double#NaN} for {@code NA}. */
    public static double number(String cell) {
        return cell.equals("NA") ? Double.NaN : Double.parseDouble(cell);
    }

    private static Path root() {
        try {
            return Path.of(ReferenceCsv.class.getResource("/cox-reference/models.csv").toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
