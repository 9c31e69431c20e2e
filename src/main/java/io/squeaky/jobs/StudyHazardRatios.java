package io.squeaky.jobs;

import io.squeaky.records.HazardRatioRow;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The summary's study-level hazard ratios: per endpoint, those of going public, of each customer
 * post so far and of the desk being closed, from the {@code effects} rows over the whole input's
 * pressure model, and reach from the model that adds it where followers are known; then the same on
 * the business clock. The model's covariate is {@code desk_open}; the summary turns it round, since
 * "closed" is the pressure a reader asks about: the ratio and its limits are inverted, which is
 * exact for a Wald interval on the log scale.
 */
final class StudyHazardRatios {

    private static final List<String> ENDPOINTS = List.of("first_reply", "resolution");
    private static final String ROW = "%-21s %22s %22s %22s %22s %7s %7s%n";

    private StudyHazardRatios() {}

    static void print(List<HazardRatioRow> rows, PrintStream out) {
        if (rows.isEmpty()) {
            return;
        }
        out.println();
        out.printf(
                ROW,
                "hazard ratio",
                "going public (CI)",
                "per customer post (CI)",
                "desk closed (CI)",
                "tenfold followers (CI)",
                "cases",
                "events");
        String calendarModel = null;
        String reachModel = null;
        String businessModel = null;
        for (String endpoint : ENDPOINTS) {
            Optional<HazardRatioRow> pressure = first(rows, endpoint, "calendar", "pressure");
            if (pressure.isEmpty()) {
                continue;
            }
            calendarModel = pressure.get().getModel();
            Optional<HazardRatioRow> reach =
                    first(rows, endpoint, "calendar", "pressure_and_reach");
            reachModel = reach.map(HazardRatioRow::getModel).orElse(reachModel);
            out.printf(
                    ROW,
                    endpoint,
                    ratio(find(rows, endpoint, "calendar", "pressure", "public"), false),
                    ratio(find(rows, endpoint, "calendar", "pressure", "persistence"), false),
                    ratio(find(rows, endpoint, "calendar", "pressure", "desk_open"), true),
                    ratio(
                            find(
                                    rows,
                                    endpoint,
                                    "calendar",
                                    "pressure_and_reach",
                                    "log10_followers"),
                            false),
                    pressure.get().getCases(),
                    pressure.get().getEvents());
            Optional<HazardRatioRow> business = first(rows, endpoint, "business", "pressure");
            if (business.isPresent()) {
                businessModel = business.get().getModel();
                out.printf(
                        ROW,
                        endpoint + ", business",
                        ratio(find(rows, endpoint, "business", "pressure", "public"), false),
                        ratio(find(rows, endpoint, "business", "pressure", "persistence"), false),
                        "open by definition",
                        "",
                        business.get().getCases(),
                        business.get().getEvents());
            }
        }
        out.println(
                "Hazard ratio: how many times likelier the reply (or resolution) is in the next"
                        + " moment while the case is public, per customer post so far, while the"
                        + " desk is closed and per tenfold of the customer's followers; Cox models"
                        + " over case_intervals, every brand its own baseline, 95% intervals from"
                        + " robust errors clustered by customer. R, ties = \"efron\": coxph("
                        + calendarModel
                        + ")"
                        + (reachModel == null
                                ? ""
                                : "; reach, over the cases whose followers are known: coxph("
                                        + reachModel
                                        + ")")
                        + (businessModel == null
                                ? ""
                                : "; business clock (the brand's open hours only): coxph("
                                        + businessModel
                                        + ")")
                        + ".");
    }

    private static Optional<HazardRatioRow> first(
            List<HazardRatioRow> rows, String endpoint, String clock, String specification) {
        return rows.stream()
                .filter(r -> r.getEndpoint().equals(endpoint))
                .filter(r -> r.getClock().equals(clock))
                .filter(r -> r.getSpecification().equals(specification))
                .findFirst();
    }

    private static Optional<HazardRatioRow> find(
            List<HazardRatioRow> rows,
            String endpoint,
            String clock,
            String specification,
            String covariate) {
        return rows.stream()
                .filter(r -> r.getEndpoint().equals(endpoint))
                .filter(r -> r.getClock().equals(clock))
                .filter(r -> r.getSpecification().equals(specification))
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
