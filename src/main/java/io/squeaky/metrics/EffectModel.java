package io.squeaky.metrics;

import io.squeaky.metrics.Endpoint.Clock;
import io.squeaky.stats.CoxData;
import java.util.List;
import java.util.Locale;

/**
 * The Cox models of {@code effects}: which {@code case_intervals} columns each reads as its time
 * scale and covariates, and so which rows it can use. Reach is a model of its own because {@code
 * followers_at_open} is unknown on much of the data (every case that opened off Twitter, all of
 * TWCS): put into the pressure model it would drop those cases from every estimate. Those cases
 * opened on Twitter, public from their first second, so the reach model has no {@code public} term.
 * The business clock leaves {@code desk_open} out: on it, the desk is open by definition.
 */
enum EffectModel {
    PRESSURE(
            Clock.CALENDAR,
            "start_seconds, stop_seconds, event",
            List.of("public", "persistence", "desk_open"),
            "no events: no model can be fitted"),
    PRESSURE_AND_REACH(
            Clock.CALENDAR,
            "start_seconds, stop_seconds, event",
            List.of("log10_followers", "persistence", "desk_open"),
            "no case with known followers and an event: no model can be fitted"),
    BUSINESS_HOURS(
            Clock.BUSINESS,
            "business_start_seconds, business_stop_seconds, business_event",
            List.of("public", "persistence"),
            "no event in business time: no model can be fitted");

    private final Clock clock;
    private final String surv;
    private final List<String> covariates;
    private final Column[] columns;
    private final String withoutEvents;

    EffectModel(Clock clock, String surv, List<String> covariates, String withoutEvents) {
        this.clock = clock;
        this.surv = surv;
        this.covariates = covariates;
        this.columns = covariates.stream().map(Column::named).toArray(Column[]::new);
        this.withoutEvents = withoutEvents;
    }

    Clock clock() {
        return clock;
    }

    /** The {@code specification} column: the covariates, whatever the clock. */
    String specification() {
        return this == PRESSURE_AND_REACH ? "pressure_and_reach" : "pressure";
    }

    List<String> covariates() {
        return covariates;
    }

    String withoutEvents() {
        return withoutEvents;
    }

    /**
     * The model as R's {@code coxph} takes it, {@code cluster()} included so that a refit reports
     * the same robust se. R drops the rows whose columns are missing, as {@link #addTo} does.
     */
    String formula(boolean stratified) {
        return "Surv("
                + surv
                + ") ~ "
                + String.join(" + ", covariates)
                + (stratified ? " + strata(brand)" : "")
                + " + cluster(customer_id)";
    }

    /**
     * Adds the interval at {@code i} of {@code rows} as this model reads it to {@code data}, with
     * the caller's numbers for its stratum and cluster (see {@link CoxData.Builder}); false, adding
     * nothing, when it lacks a column the model needs. {@code values}, as long as the covariates,
     * is where the row is put together: the data copy it, so one array serves every row.
     */
    boolean addTo(
            CoxData.Builder data,
            IntervalColumns rows,
            int i,
            int stratum,
            int cluster,
            double[] values) {
        for (int k = 0; k < values.length; k++) {
            double value = columns[k].of(rows, i);
            if (Double.isNaN(value)) {
                return false;
            }
            values[k] = value;
        }
        if (clock == Clock.BUSINESS) {
            if (Double.isNaN(rows.businessStop[i])) {
                return false;
            }
            data.add(
                    rows.businessStart[i],
                    rows.businessStop[i],
                    rows.businessEvent[i],
                    values,
                    stratum,
                    cluster);
            return true;
        }
        data.add(rows.start[i], rows.stop[i], rows.event[i], values, stratum, cluster);
        return true;
    }

    /**
     * Whether the interval at {@code i} counts as an event on this model's clock (it must be
     * usable).
     */
    boolean event(IntervalColumns rows, int i) {
        return clock == Clock.BUSINESS ? rows.businessEvent[i] : rows.event[i];
    }

    /**
     * A covariate's {@code case_intervals} column, read from the intervals as a number, NaN when it
     * is unknown: looked up once per model rather than by name for every interval, and read by a
     * switch the compiler inlines rather than by a method each constant overrides, which every fit
     * would call through for every row and covariate.
     */
    private enum Column {
        PUBLIC,
        PERSISTENCE,
        DESK_OPEN,
        LOG10_FOLLOWERS;

        double of(IntervalColumns rows, int i) {
            return switch (this) {
                case PUBLIC -> rows.isPublic[i] ? 1.0 : 0.0;
                case PERSISTENCE -> rows.persistence[i];
                case DESK_OPEN -> rows.deskOpen[i] ? 1.0 : 0.0;
                case LOG10_FOLLOWERS -> rows.log10Followers[i];
            };
        }

        static Column named(String covariate) {
            return valueOf(covariate.toUpperCase(Locale.ROOT));
        }
    }
}
