# Reference values for the Java Cox estimator (io.squeaky.stats.CoxModel), produced by R's
# survival package. Run from this directory with
#   Rscript reference.R
# It writes the data sets it fits (data/*.csv), the model specifications with their global
# results (models.csv) and the per-covariate results (coefficients.csv), read by
# io.squeaky.stats.CoxModelTest and CoxEdgeCasesTest; and hand-built case_intervals rows
# (data/case_intervals.csv) with the study-level and per-brand fits of the `effects` table
# (effects.csv), read by io.squeaky.metrics.PressureHazardRatiosTest. The Java tests read these
# files and never need R; rerunning the script reproduces them byte for byte. Produced with R 4.2.2 and survival 3.5-3 (Debian packages
# r-base-core and r-cran-survival).
suppressPackageStartupMessages(library(survival))
stopifnot(packageVersion("survival") == "3.5.3")

dir.create("data", showWarnings = FALSE)

# Every number is written with 17 significant digits, so that Java reads back the very doubles
# that R fitted.
write_exact <- function(df, file) {
    out <- df
    for (name in names(out)) {
        if (is.numeric(out[[name]])) {
            out[[name]] <- ifelse(is.na(out[[name]]), "NA", sprintf("%.17g", out[[name]]))
        }
    }
    write.csv(out, file, row.names = FALSE, quote = FALSE)
}

# ---- data sets --------------------------------------------------------------------------------

# Stanford heart transplant, in counting-process form: transplant is time-varying, so a
# transplanted patient has a second interval starting at the transplant (delayed entry).
# `everyone` puts all rows in one cluster, for the degenerate robust variance; `age_plus_year`
# is collinear with age and year.
heart_data <- data.frame(id = heart$id, start = heart$start, stop = heart$stop,
                         event = heart$event, age = heart$age, year = heart$year,
                         surgery = heart$surgery,
                         transplant = as.numeric(heart$transplant == "1"),
                         everyone = 1)
heart_data$age_plus_year <- heart_data$age + heart_data$year
write_exact(heart_data, "data/heart.csv")

# Chronic granulomatous disease: recurrent infections, several rows per child, four hospital
# categories as strata.
cgd_data <- data.frame(id = cgd$id, tstart = cgd$tstart, tstop = cgd$tstop,
                       status = cgd$status,
                       treat = as.numeric(cgd$treat == "rIFN-g"),
                       female = as.numeric(cgd$sex == "female"),
                       age = cgd$age,
                       autosomal = as.numeric(cgd$inherit == "autosomal"),
                       steroids = cgd$steroids, propylac = cgd$propylac,
                       hos_cat = as.integer(cgd$hos.cat))
write_exact(cgd_data, "data/cgd.csv")

# Veterans' lung cancer trial (many tied death times), with late entry added for a third of
# the patients: integer entry days, so some entries coincide with other patients' deaths,
# which tests that an interval starting at t is not at risk at t.
set.seed(20261201)
late <- runif(nrow(veteran)) < 1 / 3
entry <- ifelse(late, floor(runif(nrow(veteran)) * veteran$time), 0)
veteran_data <- data.frame(id = seq_len(nrow(veteran)), entry = entry, time = veteran$time,
                           status = veteran$status, karno = veteran$karno, age = veteran$age,
                           prior = as.numeric(veteran$prior > 0), trt = veteran$trt - 1,
                           celltype = as.integer(veteran$celltype))
veteran_data <- veteran_data[veteran_data$entry < veteran_data$time, ]
write_exact(veteran_data, "data/veteran_late.csv")

# NCCTG lung cancer, right-censored only (no start column: R fits Surv(time, status) with its
# coxfit6 path, the Java as (0, time]); clustered by institution.
lung_complete <- lung[complete.cases(lung[, c("time", "status", "age", "sex", "ph.ecog", "inst")]), ]
lung_data <- data.frame(inst = lung_complete$inst, zero = 0, time = lung_complete$time,
                        status = as.numeric(lung_complete$status == 2),
                        age = lung_complete$age, sex = lung_complete$sex,
                        ph_ecog = lung_complete$ph.ecog)
write_exact(lung_data, "data/lung.csv")

# Two strata, the second without any event; several tied event times; two subjects with two
# intervals, split at an event time of other subjects (3 and 5), so that the second interval is
# not at risk then but the first is; `g_const` is constant within each stratum, so it cannot be
# estimated.
edge_data <- data.frame(
    id    = c(1, 2, 3, 3, 4, 5, 6, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16),
    start = c(0, 0, 0, 5, 0, 0, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0),
    stop  = c(5, 3, 5, 9, 6, 5, 3, 7, 9, 3, 5, 8, 5, 4, 6, 10, 7, 3),
    event = c(1, 1, 0, 1, 0, 1, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0),
    x     = c(1, 0, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1, 0),
    z     = c(0.5, 1.2, -0.3, -0.3, 2.0, 0.1, 0.7, 0.7, -1.1, 0.4, 1.5, -0.6, 0.2, 0.9,
              -0.4, 1.1, 0.3, -0.8),
    g     = c(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2))
edge_data$g_const <- ifelse(edge_data$g == 1, 3, -2)
write_exact(edge_data, "data/edge.csv")

# Complete separation: every subject with x = 1 has its event before any subject with x = 0.
separation_data <- data.frame(id = 1:10, start = 0,
                              stop = c(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                              event = c(1, 1, 1, 1, 1, 1, 0, 1, 1, 0),
                              x = c(1, 1, 1, 1, 0, 0, 0, 0, 0, 0),
                              z = c(0.3, -0.2, 0.8, 0.1, -0.5, 0.4, 0.9, -0.7, 0.2, 0.6))
write_exact(separation_data, "data/separation.csv")

# ---- models -----------------------------------------------------------------------------------

spec <- function(name, data, start, stop, event, covariates, strata = "", cluster = "",
                 ties = "efron", iter_max = 20) {
    data.frame(model = name, data = data, start = start, stop = stop, event = event,
               covariates = paste(covariates, collapse = " "), strata = strata,
               cluster = cluster, ties = ties, iter_max = iter_max)
}
heart_x <- c("age", "year", "surgery", "transplant")
cgd_x <- c("treat", "female", "age", "autosomal", "steroids", "propylac")
vet_x <- c("karno", "age", "prior", "trt")
specs <- rbind(
    spec("heart_efron", "heart", "start", "stop", "event", heart_x, cluster = "id"),
    spec("heart_breslow", "heart", "start", "stop", "event", heart_x, cluster = "id",
         ties = "breslow"),
    spec("heart_efron_naive", "heart", "start", "stop", "event", heart_x),
    spec("heart_strata_efron", "heart", "start", "stop", "event",
         c("age", "year", "transplant"), strata = "surgery", cluster = "id"),
    spec("heart_strata_breslow", "heart", "start", "stop", "event",
         c("age", "year", "transplant"), strata = "surgery", cluster = "id", ties = "breslow"),
    spec("heart_one_iteration", "heart", "start", "stop", "event", heart_x, cluster = "id",
         iter_max = 1),
    spec("heart_collinear", "heart", "start", "stop", "event",
         c("age", "year", "age_plus_year", "transplant"), cluster = "id"),
    spec("heart_single_cluster", "heart", "start", "stop", "event", "transplant",
         cluster = "everyone"),
    spec("cgd_strata_efron", "cgd", "tstart", "tstop", "status", cgd_x, strata = "hos_cat",
         cluster = "id"),
    spec("cgd_strata_breslow", "cgd", "tstart", "tstop", "status", cgd_x, strata = "hos_cat",
         cluster = "id", ties = "breslow"),
    spec("cgd_efron", "cgd", "tstart", "tstop", "status", c("treat", "age", "steroids"),
         cluster = "id"),
    spec("veteran_late_strata_efron", "veteran_late", "entry", "time", "status", vet_x,
         strata = "celltype", cluster = "id"),
    spec("veteran_late_strata_breslow", "veteran_late", "entry", "time", "status", vet_x,
         strata = "celltype", cluster = "id", ties = "breslow"),
    spec("veteran_late_efron_naive", "veteran_late", "entry", "time", "status", vet_x),
    spec("lung_strata_efron", "lung", "zero", "time", "status", c("age", "ph_ecog"),
         strata = "sex", cluster = "inst"),
    spec("lung_breslow", "lung", "zero", "time", "status", c("age", "sex", "ph_ecog"),
         cluster = "inst", ties = "breslow"),
    spec("edge_strata_efron", "edge", "start", "stop", "event", c("x", "z", "g_const"),
         strata = "g", cluster = "id"),
    spec("edge_strata_breslow", "edge", "start", "stop", "event", c("x", "z", "g_const"),
         strata = "g", cluster = "id", ties = "breslow"),
    spec("edge_efron", "edge", "start", "stop", "event", c("x", "z"), cluster = "id"),
    spec("separation_efron", "separation", "start", "stop", "event", c("x", "z")))

na_to <- function(x) if (is.null(x) || length(x) == 0) NA else x

fit_one <- function(s) {
    data <- read.csv(file.path("data", paste0(s$data, ".csv")))
    covariates <- strsplit(s$covariates, " ")[[1]]
    rhs <- paste(covariates, collapse = " + ")
    if (s$strata != "") rhs <- paste0(rhs, " + strata(", s$strata, ")")
    # A start column of zeros means right-censored data, fitted as R users fit it.
    times <- if (all(data[[s$start]] == 0)) paste0(s$stop, ", ", s$event) else
        paste0(s$start, ", ", s$stop, ", ", s$event)
    formula <- as.formula(paste0("Surv(", times, ") ~ ", rhs))
    warnings <- character(0)
    args <- list(formula = formula, data = data, ties = s$ties,
                 control = coxph.control(iter.max = s$iter_max))
    if (s$cluster != "") args$cluster <- data[[s$cluster]]
    fit <- withCallingHandlers(do.call(coxph, args), warning = function(w) {
        warnings <<- c(warnings, conditionMessage(w))
        invokeRestart("muffleWarning")
    })
    robust <- !is.null(fit$naive.var)
    naive_var <- if (robust) fit$naive.var else fit$var
    estimable <- !is.na(fit$coefficients)
    # coxph keeps a zero row and column in its variances for a coefficient it cannot estimate.
    stopifnot(nrow(naive_var) == length(covariates))
    se <- ifelse(estimable, sqrt(diag(naive_var)), NA)
    robust_se <- if (robust) ifelse(estimable, sqrt(diag(fit$var)), NA) else rep(NA, length(covariates))
    table <- summary(fit)$coefficients
    intervals <- summary(fit)$conf.int
    pick <- function(m, column) unname(m[covariates, column])
    coefficients <- data.frame(model = s$model, covariate = covariates,
                               coef = unname(fit$coefficients), se = se, robust_se = robust_se,
                               z = pick(table, "z"), p = pick(table, "Pr(>|z|)"),
                               lower95 = pick(intervals, "lower .95"),
                               upper95 = pick(intervals, "upper .95"))
    model <- cbind(s, data.frame(
        n = fit$n, events = fit$nevent, iter = fit$iter,
        loglik0 = fit$loglik[1], loglik = fit$loglik[2],
        lr = 2 * (fit$loglik[2] - fit$loglik[1]), wald = na_to(fit$wald.test),
        score = na_to(fit$score), rscore = na_to(fit$rscore),
        df = sum(estimable),
        lr_p = pchisq(2 * (fit$loglik[2] - fit$loglik[1]), sum(estimable), lower.tail = FALSE),
        wald_p = pchisq(na_to(fit$wald.test), sum(estimable), lower.tail = FALSE),
        score_p = pchisq(na_to(fit$score), sum(estimable), lower.tail = FALSE),
        rscore_p = pchisq(na_to(fit$rscore), sum(estimable), lower.tail = FALSE),
        concordant = fit$concordance[["concordant"]],
        discordant = fit$concordance[["discordant"]],
        tied_x = fit$concordance[["tied.x"]], tied_y = fit$concordance[["tied.y"]],
        tied_xy = fit$concordance[["tied.xy"]],
        concordance = fit$concordance[["concordance"]],
        warning = gsub("[,\n]", ";", paste(warnings, collapse = " | "))))
    list(model = model, coefficients = coefficients)
}

fits <- lapply(seq_len(nrow(specs)), function(i) fit_one(specs[i, ]))
write_exact(do.call(rbind, lapply(fits, `[[`, "model")), "models.csv")
write_exact(do.call(rbind, lapply(fits, `[[`, "coefficients")), "coefficients.csv")

# ---- effects: the study-level and per-brand pressure models over case_intervals ---------------

# Hand-built case_intervals rows (the table issue 11 defines), simulated with known hazard
# ratios: going public x3, each customer post so far x1.3, the desk closed x0.4 (desk_open
# x2.5). Brands A and B keep office hours (08:00-20:00 every day), C is open around the clock
# (desk_open is constant there, so not estimable per brand), D has three cases and no event.
# Customers are drawn from one pool, so a customer's cases can lie with several brands.
set.seed(11)
day <- 86400
horizon <- 7 * day
desk_open_at <- function(brand, t) {
    if (brand == "C") return(TRUE)
    (t %% day) >= 8 * 3600 & (t %% day) < 20 * 3600
}
next_desk_change <- function(brand, t) {
    if (brand == "C") return(Inf)
    s <- t %% day
    base <- t - s
    if (s < 8 * 3600) base + 8 * 3600 else if (s < 20 * 3600) base + 20 * 3600 else base + day + 8 * 3600
}
simulate_case <- function(case_id, brand, customer, opened, base_hazard, endpoint, followers) {
    public_at <- if (runif(1) < 0.5) floor(runif(1) * 2 * day) + 1 else Inf
    posts <- cumsum(floor(rexp(20, 1 / (12 * 3600))) + 1)
    rows <- list()
    t <- 0
    repeat {
        wall <- opened + t
        public <- t >= public_at
        persistence <- sum(posts <= t)
        open <- desk_open_at(brand, wall)
        change <- min(public_at[public_at > t], posts[posts > t],
                      next_desk_change(brand, wall) - opened, horizon)
        hazard <- base_hazard * 3^public * 1.3^persistence * 0.4^(!open)
        wait <- rexp(1, hazard)
        event <- t + wait <= change
        stop <- if (event) t + ceiling(wait) else change
        stop <- min(stop, change)
        rows[[length(rows) + 1]] <- data.frame(
            case_id = case_id, customer_id = customer, brand = brand, endpoint = endpoint,
            start_seconds = t, stop_seconds = stop, event = as.numeric(event),
            public = as.numeric(public), persistence = persistence,
            amplification = floor(persistence / 2), brand_storm = as.numeric(t > 3 * day),
            desk_open = as.numeric(open), followers_at_open = followers)
        if (event || stop >= horizon) break
        t <- stop
    }
    do.call(rbind, rows)
}
customers <- sprintf("c%02d", 1:45)
cases <- data.frame(brand = c(rep("A", 60), rep("B", 50), rep("C", 40), rep("D", 3)))
cases$case_id <- sprintf("%s-%03d", cases$brand, seq_len(nrow(cases)))
cases$customer <- sample(customers, nrow(cases), replace = TRUE)
cases$opened <- floor(runif(nrow(cases)) * 30 * day)
cases$followers <- ifelse(runif(nrow(cases)) < 0.2, NA, floor(rexp(nrow(cases), 1 / 500)))
intervals <- do.call(rbind, lapply(c("first_reply", "resolution"), function(endpoint) {
    base <- if (endpoint == "first_reply") 1 / (8 * 3600) else 1 / (2 * day)
    do.call(rbind, lapply(seq_len(nrow(cases)), function(i) {
        hazard <- if (cases$brand[i] == "D") 1e-12 else base
        simulate_case(cases$case_id[i], cases$brand[i], cases$customer[i], cases$opened[i],
                      hazard, endpoint, cases$followers[i])
    }))
}))
write_exact(intervals, "data/case_intervals.csv")

# The models the Java `effects` computation fits, with the formulas it reports.
effect_rows <- list()
for (endpoint in c("first_reply", "resolution")) {
    one <- intervals[intervals$endpoint == endpoint, ]
    scopes <- c(list(list(scope = "study", brand = "", data = one,
                          formula = Surv(start_seconds, stop_seconds, event) ~ public +
                              persistence + desk_open + strata(brand) + cluster(customer_id))),
                lapply(sort(unique(one$brand)), function(b)
                    list(scope = "brand", brand = b, data = one[one$brand == b, ],
                         formula = Surv(start_seconds, stop_seconds, event) ~ public +
                             persistence + desk_open + cluster(customer_id))))
    for (s in scopes) {
        if (sum(s$data$event) == 0) {
            fit <- NULL
        } else {
            fit <- withCallingHandlers(coxph(s$formula, data = s$data, ties = "efron"),
                                       warning = function(w) invokeRestart("muffleWarning"))
        }
        for (covariate in c("public", "persistence", "desk_open")) {
            coef <- if (is.null(fit)) NA else unname(fit$coefficients[covariate])
            k <- match(covariate, names(fit$coefficients))
            robust_se <- if (is.null(fit) || is.na(coef)) NA else sqrt(fit$var[k, k])
            p <- if (is.na(coef)) NA else summary(fit)$coefficients[covariate, "Pr(>|z|)"]
            effect_rows[[length(effect_rows) + 1]] <- data.frame(
                endpoint = endpoint, scope = s$scope, brand = s$brand, covariate = covariate,
                coef = coef, robust_se = robust_se,
                hazard_ratio = exp(coef),
                lower95 = exp(coef - qnorm(0.975) * robust_se),
                upper95 = exp(coef + qnorm(0.975) * robust_se), p = p,
                cases = length(unique(s$data$case_id)), events = sum(s$data$event),
                intervals = nrow(s$data))
        }
    }
}
write_exact(do.call(rbind, effect_rows), "effects.csv")
