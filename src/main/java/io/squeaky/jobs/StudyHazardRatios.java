package io.squeaky.jobs;

import io.squeaky.records.HazardRatioRow;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The summary's study-level hazard ratios: per endpoint, those of going public, of each customer
 * post so far and of the desk being closed, from the {@code effects} rows over the whole input. The
 * model's covariate is {@code desk_open}; the summary turns it round, since "closed" is the
 * pressure a reader asks about: the ratio and its limits are inverted, which is exact for a Wald
 * interval on the log scale.
 */
final class StudyHazardRatios {

    private static final List<String> ENDPOINTS = List.of("first_reply", "resolution");

    private StudyHazardRatios() {}

    static void print(List<HazardRatioRow> rows, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.printf(
                "%-12s %24s %24s %24s %7s %7s%n",
                "hazard ratio",
                "going public (CI)",
                "per customer post (CI)",
                "desk closed (CI)",
                "cases",
                "events");
        String model = null;
        for (String endpoint : ENDPOINTS) {
            Optional<HazardRatioRow> any =
                    rows.stream().filter(r -> r.getEndpoint().equals(endpoint)).findFirst();
            if (any.isEmpty()) {
                continue;
            }
            model = any.get().getModel();
            out.printf(
                    "%-12s %24s %24s %24s %7d %7d%n",
                    endpoint,
                    ratio(find(rows, endpoint, "public"), false),
                    ratio(find(rows, endpoint, "persistence"), false),
                    ratio(find(rows, endpoint, "desk_open"), true),
                    any.get().getCases(),
                    any.get().getEvents());
        }
        out.println(
                "Hazard ratio: how many times likelier the reply (or resolution) is in the next"
                        + " moment while the case is public, per customer post so far, and while the"
                        + " desk is closed; Cox model over case_intervals, every brand its own"
                        + " baseline, 95% intervals from robust errors clustered by customer"
                        + " (reach is not in the model). R: coxph("
                        + model
                        + ", ties = \"efron\").");
    }

    private static Optional<HazardRatioRow> find(
            List<HazardRatioRow> rows, String endpoint, String covariate) {
        return rows.stream()
                .filter(r -> r.getEndpoint().equals(endpoint))
                .filter(r -> r.getCovariate().equals(covariate))
                .findFirst();
    }

    private static String ratio(Optional<HazardRatioRow> row, boolean inverted) {
        if (row.isEmpty() || row.get().getHazardRatio() == null) {
            return "-";
        }
        HazardRatioRow r = row.get();
        double ratio = inverted ? 1 / r.getHazardRatio() : r.getHazardRatio();
        if (r.getLower95() == null || r.getUpper95() == null) {
            return String.format("%.2f (NA)", ratio);
        }
        double lower = inverted ? 1 / r.getUpper95() : r.getLower95();
        double upper = inverted ? 1 / r.getLower95() : r.getUpper95();
        return String.format("%.2f (%.2f, %.2f)", ratio, lower, upper);
    }
}
