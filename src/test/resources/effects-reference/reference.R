# Reference values for the effects table (io.squeaky.metrics.EffectsTable), produced by R's
# survival package from case_intervals rows the pipeline itself wrote. Run from this directory with
#   Rscript reference.R
# It reads data/case_intervals.csv.gz and writes effects.csv, read by
# io.squeaky.metrics.EffectsTableTest, which never needs R. Produced with R 4.2.2 and survival
# 3.5-3 (Debian packages r-base-core and r-cran-survival).
#
# data/case_intervals.csv.gz is the case_intervals table of one batch run on generated data,
# ordered by case_id, endpoint and start_seconds, booleans as 0/1, times as epoch milliseconds:
#   jobs/squeaky generate-desk --output d --cases 400 --seed 8
#   jobs/squeaky batch --input d/posts --format twitter-v2 --events d/desk \
#       --brands d/truth/brands.csv --schedules d/truth/schedules.json --output t --period week
#   duckdb: COPY (SELECT case_id, customer_id, brand, endpoint, start_seconds, stop_seconds,
#       CAST(event AS INT) AS event, CAST(public AS INT) AS public, persistence, amplification,
#       CAST(desk_open AS INT) AS desk_open, first_channel, epoch_ms(opened_at) AS opened_at_ms,
#       epoch_ms(period_start) AS period_start_ms
#       FROM read_parquet('t/case_intervals/dt=*/*.parquet') ORDER BY case_id, endpoint,
#       start_seconds) TO 'data/case_intervals.csv.gz' (HEADER, COMPRESSION gzip)
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")

d <- read.csv(gzfile("data/case_intervals.csv.gz"), stringsAsFactors = FALSE)

fit_rows <- function(data, endpoint, scope, brand, formula) {
    fit <- coxph(formula, data = data, ties = "efron")
    s <- summary(fit)$coefficients
    ci <- summary(fit)$conf.int
    data.frame(endpoint = endpoint, scope = scope, brand = brand, covariate = rownames(s),
               coef = s[, "coef"], robust_se = s[, "robust se"], hazard_ratio = s[, "exp(coef)"],
               lower95 = ci[, "lower .95"], upper95 = ci[, "upper .95"], p = s[, "Pr(>|z|)"],
               cases = length(unique(data$case_id)), events = sum(data$event),
               intervals = nrow(data), stringsAsFactors = FALSE)
}

rows <- list()
for (endpoint in c("first_reply", "resolution")) {
    one <- d[d$endpoint == endpoint, ]
    rows[[length(rows) + 1]] <- fit_rows(one, endpoint, "study", "",
        Surv(start_seconds, stop_seconds, event) ~ public + persistence + desk_open +
            strata(brand) + cluster(customer_id))
    for (b in sort(unique(one$brand))) {
        rows[[length(rows) + 1]] <- fit_rows(one[one$brand == b, ], endpoint, "brand", b,
            Surv(start_seconds, stop_seconds, event) ~ public + persistence + desk_open +
                cluster(customer_id))
    }
}
out <- do.call(rbind, rows)
for (name in names(out)) {
    if (is.double(out[[name]])) {
        out[[name]] <- ifelse(is.na(out[[name]]), "NA", sprintf("%.17g", out[[name]]))
    }
}
write.csv(out, "effects.csv", row.names = FALSE, quote = FALSE)
