# Reference values for the effects table (io.squeaky.metrics.EffectsTable), produced by R's
# survival package from case_intervals rows the pipeline itself wrote. Run from this directory with
#   Rscript reference.R
# It reads data/case_intervals.csv.gz and writes effects.csv, read by
# io.squeaky.metrics.EffectsTableTest, which never needs R. Produced with R 4.2.2 and survival
# 3.5-3 (Debian packages r-base-core and r-cran-survival).
#
# data/case_intervals.csv.gz is the case_intervals table of one batch run on generated data,
# ordered by case_id, endpoint and start_seconds, booleans as 0/1, times as epoch milliseconds,
# missing values empty:
#   jobs/squeaky generate-desk --output d --cases 400 --seed 8
#   jobs/squeaky batch --input d/posts --format twitter-v2 --events d/desk \
#       --brands d/truth/brands.csv --schedules d/truth/schedules.json --output t --period week
#   duckdb: COPY (SELECT case_id, customer_id, brand, endpoint, start_seconds, stop_seconds,
#       CAST(event AS INT) AS event, CAST(public AS INT) AS public, persistence, amplification,
#       CAST(desk_open AS INT) AS desk_open, followers_at_open, log10_followers,
#       business_start_seconds, business_stop_seconds, CAST(business_event AS INT) AS business_event,
#       first_channel, epoch_ms(opened_at) AS opened_at_ms, epoch_ms(period_start) AS period_start_ms
#       FROM read_parquet('t/case_intervals/dt=*/[!.]*.parquet') ORDER BY case_id, endpoint,
#       start_seconds) TO 'data/case_intervals.csv.gz' (HEADER, COMPRESSION gzip)
# The three models of the effects table, each fitted as the job fits it: coxph drops the rows
# whose columns are missing (na.action = na.omit), which is how the reach model keeps the cases
# with known followers and the business clock the intervals that take business time. Where coxph
# warns (no convergence, a coefficient running off to infinity), the warning is kept: the job
# reports no estimate for such a model, and says why.
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")

d <- read.csv(gzfile("data/case_intervals.csv.gz"), stringsAsFactors = FALSE)

fit_rows <- function(data, endpoint, clock, specification, scope, brand, formula, status) {
    data <- data[complete.cases(data[, all.vars(formula)]), ]
    warned <- ""
    fit <- withCallingHandlers(coxph(formula, data = data, ties = "efron"),
        warning = function(w) {
            warned <<- conditionMessage(w)
            invokeRestart("muffleWarning")
        })
    s <- summary(fit)$coefficients
    ci <- summary(fit)$conf.int
    data.frame(endpoint = endpoint, clock = clock, specification = specification, scope = scope,
               brand = brand, covariate = rownames(s), coef = s[, "coef"],
               robust_se = s[, "robust se"], hazard_ratio = s[, "exp(coef)"],
               lower95 = ci[, "lower .95"], upper95 = ci[, "upper .95"], p = s[, "Pr(>|z|)"],
               cases = length(unique(data$case_id)), events = sum(data[[status]]),
               intervals = nrow(data), warning = gsub("[,\n]", ";", warned),
               stringsAsFactors = FALSE)
}

models <- list(
    list(clock = "calendar", specification = "pressure", status = "event",
         rhs = "public + persistence + desk_open",
         surv = "Surv(start_seconds, stop_seconds, event)"),
    list(clock = "calendar", specification = "pressure_and_reach", status = "event",
         rhs = "log10_followers + persistence + desk_open",
         surv = "Surv(start_seconds, stop_seconds, event)"),
    list(clock = "business", specification = "pressure", status = "business_event",
         rhs = "public + persistence",
         surv = "Surv(business_start_seconds, business_stop_seconds, business_event)"))

rows <- list()
for (endpoint in c("first_reply", "resolution")) {
    one <- d[d$endpoint == endpoint, ]
    for (m in models) {
        study <- as.formula(paste(m$surv, "~", m$rhs, "+ strata(brand) + cluster(customer_id)"))
        own <- as.formula(paste(m$surv, "~", m$rhs, "+ cluster(customer_id)"))
        rows[[length(rows) + 1]] <- fit_rows(one, endpoint, m$clock, m$specification,
            "study", "", study, m$status)
        for (b in sort(unique(one$brand))) {
            rows[[length(rows) + 1]] <- fit_rows(one[one$brand == b, ], endpoint, m$clock,
                m$specification, "brand", b, own, m$status)
        }
    }
}
out <- do.call(rbind, rows)
for (name in names(out)) {
    if (is.double(out[[name]])) {
        out[[name]] <- ifelse(is.na(out[[name]]), "NA", sprintf("%.17g", out[[name]]))
    }
}
write.csv(out, "effects.csv", row.names = FALSE, quote = FALSE)
