package io.squeaky.metrics;

/**
 * One row of the {@code effects} table: the hazard ratio of one covariate of a Cox model fitted to
 * {@code case_intervals} rows of one endpoint, for one brand or, stratified by brand, for the whole
 * study. The estimate columns are null when the model gives none, and {@code note} then says why
 * (no events, a covariate constant within the brand, separation, a single customer).
 *
 * @param scope {@code brand} or {@code study}
 * @param brand the brand, null for the study
 * @param clock the model's time scale, {@code calendar} or {@code business}
 * @param specification which covariates the model holds: {@code pressure} or {@code
 *     pressure_and_reach}
 * @param covariate the {@code case_intervals} column, as named in {@code model}
 * @param coef the log hazard ratio, R's {@code coef}
 * @param hazardRatio {@code exp(coef)}
 * @param lower95 the lower 95% Wald limit of the hazard ratio, from the robust se
 * @param robustSe the standard error clustered by customer, R's {@code robust se}
 * @param pValue R's {@code Pr(>|z|)} with the robust se
 * @param cases the distinct cases behind the model
 * @param events the intervals ending in the endpoint
 * @param intervals the rows the model was fitted to
 * @param ties R's {@code ties} argument
 * @param variance how the standard errors were estimated
 * @param model the model as an R formula over the {@code case_intervals} columns
 */
public record EffectRow(
        String scope,
        String brand,
        String endpoint,
        String clock,
        String specification,
        String covariate,
        Double coef,
        Double hazardRatio,
        Double lower95,
        Double upper95,
        Double robustSe,
        Double pValue,
        int cases,
        int events,
        int intervals,
        String ties,
        String variance,
        String model,
        String note) {}
